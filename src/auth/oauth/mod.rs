//! OAuth 2.1 for MCP clients, per the MCP authorization spec: this worker
//! is both the protected resource (`/mcp`) and its authorization server.
//!
//! - metadata: RFC 9728 protected resource, RFC 8414 authorization server;
//! - `/register`: dynamic client registration (public clients, no secret),
//!   and client ID metadata documents (a `client_id` that is an https URL);
//! - `/authorize`: exact redirect URI match, PKCE S256 required, the
//!   `resource` checked; the consent step is a form where the person enters
//!   Kaltura credentials, checked with Kaltura before a code is issued;
//! - `/token`: `authorization_code` (single-use code, verifier checked) and
//!   `refresh_token` (rotated on every use);
//! - `/revoke`.
//!
//! Codes and tokens are sealed records in KV ([`super::store`]); clients
//! are plain KV records (nothing secret in them).

mod authorize;
mod client_document;
mod redirect;
mod register;
mod token;

pub use authorize::{check_authorization, consent, consent_page, AuthorizationRequest, Checked};
pub use register::{register, Client};
pub use token::{revoke, token};

use super::store::StoreError;
use serde_json::{json, Value};

pub const SCOPE: &str = "kaltura";
/// Access tokens from OAuth live an hour; clients refresh them.
pub const ACCESS_TOKEN_SECS: u64 = 3600;
/// Refresh tokens (and so an OAuth connection) live 30 days.
pub const REFRESH_TOKEN_SECS: u64 = 30 * 86_400;
/// Authorization codes live five minutes and are used once.
pub const CODE_SECS: u64 = 300;

/// A response the gateway turns into HTTP.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Json(u16, Value),
    Html(u16, String),
    Redirect(String),
    Empty(u16),
}

pub(super) fn oauth_error(status: u16, error: &str, description: &str) -> Reply {
    Reply::Json(
        status,
        json!({"error": error, "error_description": description}),
    )
}

/// `https://host` of this deployment: the issuer, and the base of `/mcp`.
pub fn protected_resource_metadata(base: &str) -> Value {
    json!({
        "resource": format!("{base}/mcp"),
        "authorization_servers": [base],
        "scopes_supported": [SCOPE],
        "bearer_methods_supported": ["header"],
        "resource_name": "Kaltura MCP",
    })
}

pub fn authorization_server_metadata(base: &str) -> Value {
    json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "registration_endpoint": format!("{base}/register"),
        "revocation_endpoint": format!("{base}/revoke"),
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "revocation_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": [SCOPE],
        "authorization_response_iss_parameter_supported": true,
        "client_id_metadata_document_supported": true,
    })
}

pub(super) fn storage_failed(error: StoreError) -> Reply {
    match error {
        StoreError::NoSecret => oauth_error(503, "temporarily_unavailable", &error.to_string()),
        _ => oauth_error(
            503,
            "temporarily_unavailable",
            "token storage is unavailable; try again",
        ),
    }
}
