//! `POST /register`: dynamic client registration (RFC 7591), public
//! clients only; registered clients are plain KV records.

use super::redirect::acceptable_redirect;
use super::{oauth_error, storage_failed, Reply};
use crate::auth::store::TokenStore;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::time::Duration;

const CLIENT_TTL: Duration = Duration::from_secs(365 * 86_400);

/// A registered client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Client {
    pub client_id: String,
    pub client_name: String,
    pub redirect_uris: Vec<String>,
    pub issued_at: u64,
}

pub(super) fn client_key(client_id: &str) -> String {
    format!("client:{client_id}")
}

/// `POST /register` (RFC 7591), public clients only.
pub async fn register(store: &TokenStore, body: &[u8]) -> Reply {
    let Ok(request) = serde_json::from_slice::<Value>(body) else {
        return oauth_error(
            400,
            "invalid_client_metadata",
            "the body must be a JSON object",
        );
    };
    let uris: Vec<String> = request["redirect_uris"]
        .as_array()
        .map(|uris| {
            uris.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if uris.is_empty() {
        return oauth_error(
            400,
            "invalid_redirect_uri",
            "redirect_uris must list at least one URI",
        );
    }
    if let Some(bad) = uris.iter().find(|uri| !acceptable_redirect(uri)) {
        return oauth_error(
            400,
            "invalid_redirect_uri",
            &format!("redirect URI not allowed: {bad}"),
        );
    }
    let mut id = [0u8; 16];
    if getrandom::fill(&mut id).is_err() {
        return oauth_error(500, "server_error", "no randomness available");
    }
    let client = Client {
        client_id: format!("kc_{}", URL_SAFE_NO_PAD.encode(id)),
        client_name: request["client_name"]
            .as_str()
            .unwrap_or("MCP client")
            .chars()
            .take(100)
            .collect(),
        redirect_uris: uris,
        issued_at: store.now(),
    };
    if let Err(error) = store
        .put_plain(&client_key(&client.client_id), &client, CLIENT_TTL)
        .await
    {
        return storage_failed(error);
    }
    Reply::Json(
        201,
        json!({
            "client_id": client.client_id,
            "client_id_issued_at": client.issued_at,
            "client_name": client.client_name,
            "redirect_uris": client.redirect_uris,
            "token_endpoint_auth_method": "none",
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
        }),
    )
}
