//! The `/mcp` gate: which account a request acts for.
//!
//! 1. `Authorization: Bearer <token>`: the token's grant, whatever else is
//!    configured (a request carrying a token is judged by it);
//! 2. `X-Kaltura-*` headers, when `ALLOW_HEADER_CREDENTIALS=true`;
//! 3. the configured single-tenant account (`KALTURA_PARTNER_ID` +
//!    `KALTURA_ADMIN_SECRET`), only when `ALLOW_ANONYMOUS=true`: otherwise
//!    a deployment with an account still asks every caller for a token;
//! 4. otherwise 401 with `WWW-Authenticate: Bearer resource_metadata=…`.
//!
//! A missing, unknown, tampered, expired or revoked token gets the same
//! 401, so tokens cannot be probed. Each identity is rate limited per
//! minute in this isolate.

use super::store::{StoreError, TokenStore};
use super::tokens::account_of;
use crate::context::{Account, Context};
use crate::kaltura::ks::SessionType;
use crate::kaltura::{AdminSecret, Credentials, Ks, PartnerId, ServiceUrl};
use crate::mcp::http::{find_header, HttpResponse};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::collections::HashMap;

/// Why a request may not go on, as the HTTP answer to give.
pub type Refusal = HttpResponse;

fn json_error(status: u16, code: i64, message: &str) -> HttpResponse {
    let body = serde_json::json!({"jsonrpc": "2.0", "id": null, "error": {"code": code, "message": message}});
    HttpResponse {
        status,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: serde_json::to_vec(&body).unwrap_or_default(),
        stream: None,
    }
}

/// The 401 every unauthenticated or badly authenticated request gets.
pub fn unauthorized(base: &str) -> HttpResponse {
    let mut response = json_error(
        401,
        -32001,
        "Unauthorized: send Authorization: Bearer <token> (connect at this server's page, or let your MCP client sign in with OAuth)",
    );
    response.headers.push((
        "WWW-Authenticate".into(),
        format!(
            "Bearer resource_metadata=\"{base}/.well-known/oauth-protected-resource/mcp\", scope=\"{}\"",
            super::oauth::SCOPE
        ),
    ));
    response
}

/// A header's trimmed value, if present and not blank.
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    find_header(headers, name)
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// Who is asking: the account, and the key it is rate limited by.
pub struct Admitted {
    pub account: Option<Account>,
    pub identity: String,
}

/// Decides who a `/mcp` request acts for.
pub async fn admit(
    ctx: &Context,
    store: &TokenStore,
    base: &str,
    headers: &[(String, String)],
) -> Result<Admitted, Refusal> {
    if header(headers, "authorization").is_some() {
        let token = bearer_token(headers).ok_or_else(|| unauthorized(base))?;
        return match account_of(store, ctx, token).await {
            Ok(account) => Ok(Admitted {
                account: Some(account),
                identity: digest(token),
            }),
            Err(StoreError::Storage(_)) => Err(json_error(
                503,
                -32603,
                "token storage is unavailable; try again",
            )),
            Err(_) => Err(unauthorized(base)),
        };
    }
    if ctx.config.auth.allow_header_credentials && header(headers, "x-kaltura-partner-id").is_some()
    {
        let account =
            from_headers(ctx, headers).map_err(|message| json_error(400, -32602, &message))?;
        let identity = digest(&format!(
            "{}|{:?}",
            account.service_url.as_str(),
            account.credentials.partner_id()
        ));
        return Ok(Admitted {
            account: Some(account),
            identity,
        });
    }
    if ctx.config.kaltura.account.is_some() && ctx.config.auth.allow_anonymous {
        return Ok(Admitted {
            account: None,
            identity: "configured".into(),
        });
    }
    Err(unauthorized(base))
}

/// The token of an `Authorization: Bearer …` header (the scheme in any case).
pub fn bearer_token(headers: &[(String, String)]) -> Option<&str> {
    let (scheme, token) = header(headers, "authorization")?.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

fn digest(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An account from `X-Kaltura-Service-Url`, `X-Kaltura-Partner-Id`,
/// `X-Kaltura-Admin-Secret` or `X-Kaltura-KS`, and `X-Kaltura-User-Id`.
fn from_headers(ctx: &Context, headers: &[(String, String)]) -> Result<Account, String> {
    let service_url = match header(headers, "x-kaltura-service-url") {
        Some(url) => {
            ServiceUrl::parse(url, &ctx.config.kaltura.hosts).map_err(|e| e.to_string())?
        }
        None => ctx.config.kaltura.service_url.clone(),
    };
    let partner_id: PartnerId = header(headers, "x-kaltura-partner-id")
        .unwrap_or_default()
        .parse()
        .map_err(|_| "X-Kaltura-Partner-Id must be a positive integer".to_owned())?;
    let credentials = match (
        header(headers, "x-kaltura-admin-secret"),
        header(headers, "x-kaltura-ks"),
    ) {
        (Some(secret), None) => Credentials::Secret {
            partner_id,
            secret: AdminSecret::new(secret),
            user_id: header(headers, "x-kaltura-user-id")
                .unwrap_or_default()
                .to_owned(),
            session_type: SessionType::Admin,
            privileges: crate::config::DEFAULT_PRIVILEGES.to_owned(),
            expiry_secs: crate::kaltura::session::DEFAULT_SESSION_EXPIRY_SECS,
        },
        (None, Some(ks)) => {
            let credentials = Credentials::from_ks(Ks::new(ks)).map_err(|e| e.to_string())?;
            if credentials.partner_id() != partner_id {
                return Err(
                    "X-Kaltura-KS belongs to another partner than X-Kaltura-Partner-Id".into(),
                );
            }
            credentials
        }
        _ => return Err("send X-Kaltura-Admin-Secret or X-Kaltura-KS (one of them)".into()),
    };
    Ok(Account {
        service_url,
        credentials,
    })
}

/// Requests per identity per minute, in this isolate. Isolates do not
/// share memory, so the limit is per isolate: a bound on bursts, not a
/// global quota.
#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: RefCell<HashMap<String, (u64, u32)>>,
}

impl RateLimiter {
    /// `Ok` to go on, or the 429 to answer.
    pub fn check(&self, identity: &str, limit: u32, now_secs: u64) -> Result<(), HttpResponse> {
        let minute = now_secs / 60;
        let mut windows = self.windows.borrow_mut();
        if windows.len() > 10_000 {
            windows.retain(|_, (window, _)| *window == minute);
        }
        let entry = windows.entry(identity.to_owned()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        entry.1 += 1;
        if entry.1 > limit {
            let mut response = json_error(
                429,
                -32000,
                &format!("Rate limit: at most {limit} requests per minute; retry shortly"),
            );
            response
                .headers
                .push(("Retry-After".into(), (60 - now_secs % 60).to_string()));
            return Err(response);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_resets_each_minute_and_says_when_to_retry() {
        let limiter = RateLimiter::default();
        for _ in 0..3 {
            assert!(limiter.check("a", 3, 120).is_ok());
        }
        let refused = limiter.check("a", 3, 130).unwrap_err();
        assert_eq!(refused.status, 429);
        assert_eq!(refused.header("Retry-After"), Some("50"));
        assert!(limiter.check("b", 3, 130).is_ok(), "per identity");
        assert!(limiter.check("a", 3, 180).is_ok(), "a new minute");
    }

    #[test]
    fn bearer_schemes_are_case_insensitive() {
        let headers = |value: &str| vec![("Authorization".to_owned(), value.to_owned())];
        assert_eq!(bearer_token(&headers("Bearer abc")), Some("abc"));
        assert_eq!(bearer_token(&headers("BEARER  abc ")), Some("abc"));
        assert_eq!(bearer_token(&headers("Basic abc")), None);
        assert_eq!(bearer_token(&headers("Bearer ")), None);
        assert_eq!(bearer_token(&[]), None);
    }

    #[test]
    fn the_401_points_at_the_resource_metadata() {
        let response = unauthorized("https://mcp.example");
        assert_eq!(response.status, 401);
        assert!(response.header("WWW-Authenticate").unwrap().contains(
            "resource_metadata=\"https://mcp.example/.well-known/oauth-protected-resource/mcp\""
        ));
    }
}
