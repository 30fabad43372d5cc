//! `/api/tokens`: mint a bearer token from Kaltura credentials (checked
//! with Kaltura first), describe the token a request carries, and revoke
//! it. Storage failures are 503s; an unknown token is a 401.

use crate::auth::gate;
use crate::auth::oauth::Reply;
use crate::auth::store::{Kind, StoreError, TokenStore};
use crate::auth::tokens::{self, CredentialInput, Described, Minted};
use crate::context::Context;
use serde_json::{json, Value};

pub(super) async fn mint(ctx: &Context, store: &TokenStore, base: &str, body: &[u8]) -> Reply {
    let input: CredentialInput = match serde_json::from_slice(body) {
        Ok(input) => input,
        Err(error) => {
            return Reply::Json(
                400,
                json!({"error": "invalid_request", "message": format!("the body must be a JSON object of serviceUrl, partnerId, adminSecret or ks, userId, expiresIn: {error}")}),
            )
        }
    };
    let grant = match input.into_grant(ctx).await {
        Ok(grant) => grant,
        Err(error) => {
            let status = if error.upstream { 502 } else { 400 };
            return Reply::Json(
                status,
                json!({"error": "invalid_credentials", "field": error.field, "message": error.message}),
            );
        }
    };
    match tokens::mint(store, &grant).await {
        Ok(token) => Reply::Json(
            201,
            serde_json::to_value(Minted {
                token,
                expires_at: crate::time::format_utc(grant.expires_at as i64),
                mcp_url: format!("{base}/mcp"),
            })
            .unwrap_or(Value::Null),
        ),
        Err(error) => store_failure(error),
    }
}

pub(super) fn store_failure(error: StoreError) -> Reply {
    match error {
        StoreError::NotFound => Reply::Json(
            401,
            json!({"error": "invalid_token", "message": "unknown, expired or revoked token"}),
        ),
        other => Reply::Json(
            503,
            json!({"error": "unavailable", "message": other.to_string()}),
        ),
    }
}

pub(super) async fn describe(store: &TokenStore, headers: &[(String, String)]) -> Reply {
    let Some(token) = gate::bearer_token(headers) else {
        return store_failure(StoreError::NotFound);
    };
    match store
        .open::<crate::auth::grant::Grant>(Kind::Access, token)
        .await
    {
        Ok(grant) => Reply::Json(
            200,
            serde_json::to_value(Described::of(&grant)).unwrap_or(Value::Null),
        ),
        Err(error) => store_failure(error),
    }
}

pub(super) async fn revoke_current(store: &TokenStore, headers: &[(String, String)]) -> Reply {
    let Some(token) = gate::bearer_token(headers) else {
        return store_failure(StoreError::NotFound);
    };
    // Only a live token may revoke itself; the answer is the same 401 otherwise.
    match store.revoke(Kind::Access, token).await {
        Ok(()) => Reply::Empty(204),
        Err(error) => store_failure(error),
    }
}
