//! `POST /token` (authorization code with PKCE, refresh with rotation)
//! and `POST /revoke`.

use super::authorize::{resource_matches, CodeRecord};
use super::{oauth_error, storage_failed, Reply, ACCESS_TOKEN_SECS};
use crate::auth::form;
use crate::auth::grant::Grant;
use crate::auth::store::{Kind, StoreError, TokenStore};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};

/// What a refresh token stands for.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RefreshRecord {
    grant: Grant,
    client_id: String,
    scope: String,
}

fn pkce_matches(verifier: &str, challenge: &str) -> bool {
    let valid = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
    valid && URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == challenge
}

/// `POST /token`.
pub async fn token(store: &TokenStore, base: &str, params: &[(String, String)]) -> Reply {
    let get = |name: &str| {
        form::get(params, name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    match get("grant_type") {
        Some("authorization_code") => {
            let (Some(code), Some(verifier)) = (get("code"), get("code_verifier")) else {
                return oauth_error(
                    400,
                    "invalid_request",
                    "code and code_verifier are required",
                );
            };
            // Single use, whatever happens next.
            let record: CodeRecord = match store.consume(Kind::Code, code).await {
                Ok(record) => record,
                Err(StoreError::NotFound) => {
                    return oauth_error(
                        400,
                        "invalid_grant",
                        "the code is unknown, expired or already used",
                    )
                }
                Err(error) => return storage_failed(error),
            };
            let request = &record.request;
            if get("client_id").is_some_and(|id| id != request.client_id) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "the code was issued to another client",
                );
            }
            if get("redirect_uri").is_some_and(|uri| uri != request.redirect_uri) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "redirect_uri differs from the authorization request",
                );
            }
            if !pkce_matches(verifier, &request.code_challenge) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "code_verifier does not match the code_challenge",
                );
            }
            if let Some(resource) = get("resource") {
                if !resource_matches(base, resource) {
                    return oauth_error(
                        400,
                        "invalid_target",
                        "resource must be this server's /mcp URL",
                    );
                }
            }
            issue(store, record.grant, &request.client_id, &request.scope).await
        }
        Some("refresh_token") => {
            let Some(refresh) = get("refresh_token") else {
                return oauth_error(400, "invalid_request", "refresh_token is required");
            };
            let record: RefreshRecord = match store.open(Kind::Refresh, refresh).await {
                Ok(record) => record,
                Err(StoreError::NoSecret) => return storage_failed(StoreError::NoSecret),
                Err(_) => {
                    return oauth_error(
                        400,
                        "invalid_grant",
                        "the refresh token is unknown, expired or already used",
                    )
                }
            };
            if get("client_id").is_some_and(|id| id != record.client_id) {
                return oauth_error(
                    400,
                    "invalid_grant",
                    "the refresh token was issued to another client",
                );
            }
            // Rotation: the old refresh token dies with this use.
            let _ = store.revoke(Kind::Refresh, refresh).await;
            issue(store, record.grant, &record.client_id, &record.scope).await
        }
        Some(other) => oauth_error(
            400,
            "unsupported_grant_type",
            &format!("grant_type {other} is not supported"),
        ),
        None => oauth_error(400, "invalid_request", "grant_type is required"),
    }
}

/// A new access token (an hour) and refresh token (to the grant's end).
async fn issue(store: &TokenStore, grant: Grant, client_id: &str, scope: &str) -> Reply {
    let now = store.now();
    if grant.is_expired(now) {
        return oauth_error(
            400,
            "invalid_grant",
            "the authorization has expired; connect again",
        );
    }
    let access_expires = (now + ACCESS_TOKEN_SECS).min(grant.expires_at);
    let mut access_grant = grant.clone();
    access_grant.expires_at = access_expires;
    let access = match store
        .mint(Kind::Access, &access_grant, access_expires)
        .await
    {
        Ok(token) => token,
        Err(error) => return storage_failed(error),
    };
    let refresh_record = RefreshRecord {
        grant: grant.clone(),
        client_id: client_id.to_owned(),
        scope: scope.to_owned(),
    };
    let refresh = match store
        .mint(Kind::Refresh, &refresh_record, grant.expires_at)
        .await
    {
        Ok(token) => token,
        Err(error) => return storage_failed(error),
    };
    Reply::Json(
        200,
        json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": access_expires - now,
            "refresh_token": refresh,
            "scope": scope,
        }),
    )
}

/// `POST /revoke` (RFC 7009): always 200, whatever the token was.
pub async fn revoke(store: &TokenStore, params: &[(String, String)]) -> Reply {
    if let Some(token) = form::get(params, "token").map(str::trim) {
        let _ = store.revoke(Kind::Access, token).await;
        let _ = store.revoke(Kind::Refresh, token).await;
    }
    Reply::Empty(200)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn pkce_is_s256_of_the_verifier() {
        // RFC 7636 appendix B.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assert!(pkce_matches(
            verifier,
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        ));
        assert!(!pkce_matches(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXx",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        ));
        assert!(!pkce_matches("short", "x"));
    }
}
