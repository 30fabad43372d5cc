//! Credentials a person hands over (the `/api/tokens` JSON body, the
//! OAuth consent form), checked against Kaltura before anything is
//! stored, and the `/api/tokens` endpoints themselves: mint, describe,
//! revoke.

use super::grant::{Grant, GrantCredential};
use super::store::{Kind, StoreError, TokenStore};
use crate::config::DEFAULT_PRIVILEGES;
use crate::context::{Account, Context};
use crate::kaltura::api::account;
use crate::kaltura::session::DEFAULT_SESSION_EXPIRY_SECS;
use crate::kaltura::{Client, PartnerId, ServiceUrl};
use crate::platform::Clock;
use serde::{Deserialize, Serialize};

/// Longest a token may live: 30 days.
pub const MAX_LIFETIME_SECS: u64 = 30 * 86_400;
/// A token's lifetime when none is asked for: 7 days.
pub const DEFAULT_LIFETIME_SECS: u64 = 7 * 86_400;

/// What a person submits to connect an account.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CredentialInput {
    pub service_url: Option<String>,
    pub partner_id: Option<serde_json::Value>,
    pub admin_secret: Option<String>,
    pub ks: Option<String>,
    pub user_id: Option<String>,
    /// Seconds.
    pub expires_in: Option<u64>,
    pub privileges: Option<String>,
}

/// Why credentials were not accepted; `field` names the input to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct CredentialError {
    pub field: Option<&'static str>,
    pub message: String,
    /// Kaltura could not be reached (a 502, not the person's fault).
    pub upstream: bool,
}

fn invalid(field: &'static str, message: impl Into<String>) -> CredentialError {
    CredentialError {
        field: Some(field),
        message: message.into(),
        upstream: false,
    }
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl CredentialInput {
    /// Validates the input, checks it with Kaltura (`session.get`, which
    /// fails for a wrong secret or KS) and returns the grant to store.
    pub async fn into_grant(self, ctx: &Context) -> Result<Grant, CredentialError> {
        let hosts = &ctx.config.kaltura.hosts;
        let service_url = match present(&self.service_url) {
            Some(url) => {
                ServiceUrl::parse(url, hosts).map_err(|e| invalid("serviceUrl", e.to_string()))?
            }
            None => ctx.config.kaltura.service_url.clone(),
        };
        let partner_id: PartnerId = match &self.partner_id {
            Some(value) => serde_json::from_value(value.clone())
                .map_err(|_| invalid("partnerId", "partner id must be a positive integer"))?,
            None => return Err(invalid("partnerId", "partner id is required")),
        };
        let lifetime = self.expires_in.unwrap_or(DEFAULT_LIFETIME_SECS);
        if !(60..=MAX_LIFETIME_SECS).contains(&lifetime) {
            return Err(invalid(
                "expiresIn",
                format!("expiresIn must be 60 to {MAX_LIFETIME_SECS} seconds (30 days)"),
            ));
        }
        let user_id = present(&self.user_id).unwrap_or_default().to_owned();
        let credential = match (present(&self.admin_secret), present(&self.ks)) {
            (Some(secret), None) => {
                if secret.len() < 16 || !secret.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err(invalid("adminSecret", "an admin secret is 32 letters and digits (KMC > Settings > Integration Settings)"));
                }
                GrantCredential::Secret {
                    admin_secret: secret.to_owned(),
                    privileges: present(&self.privileges)
                        .unwrap_or(DEFAULT_PRIVILEGES)
                        .to_owned(),
                    ks_expiry_secs: DEFAULT_SESSION_EXPIRY_SECS,
                }
            }
            (None, Some(ks)) => GrantCredential::Ks { ks: ks.to_owned() },
            (Some(_), Some(_)) => {
                return Err(invalid(
                    "adminSecret",
                    "give an admin secret or a KS, not both",
                ))
            }
            (None, None) => {
                return Err(invalid(
                    "adminSecret",
                    "an admin secret or a KS is required",
                ))
            }
        };
        let now = ctx.ports.clock.now_secs();
        let mut grant = Grant {
            service_url: service_url.as_str().to_owned(),
            partner_id: partner_id.get(),
            user_id,
            credential,
            issued_at: now,
            expires_at: now + lifetime,
        };
        let (service_url, credentials) =
            grant.account(hosts).map_err(|e| invalid("serviceUrl", e))?;
        if let crate::kaltura::Credentials::Session {
            partner_id: claimed,
            ..
        } = &credentials
        {
            if *claimed != partner_id {
                return Err(invalid("ks", "the KS belongs to another partner"));
            }
        }
        let client = Client::new(
            ctx.ports.http.clone(),
            ctx.ports.clock.clone(),
            service_url,
            credentials,
        );
        let refused = |error: crate::kaltura::KalturaError| {
            if error.api_code().is_some() {
                let field = if matches!(grant.credential, GrantCredential::Ks { .. }) {
                    "ks"
                } else {
                    "adminSecret"
                };
                invalid(field, "Kaltura refused these credentials: check the partner id and the admin secret (or the KS)")
            } else {
                CredentialError {
                    field: Some("serviceUrl"),
                    message: format!("Kaltura could not be reached: {error}"),
                    upstream: !matches!(error, crate::kaltura::KalturaError::Session(_)),
                }
            }
        };
        let session = client
            .call(account::session_info())
            .await
            .map_err(&refused)?;
        // A ready KS cannot outlive itself.
        if let (GrantCredential::Ks { .. }, Some(expiry)) = (&grant.credential, session.expiry) {
            grant.expires_at = grant.expires_at.min(expiry.max(0) as u64);
        }
        Ok(grant)
    }
}

/// What `POST /api/tokens` answers.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Minted {
    pub token: String,
    pub expires_at: String,
    pub mcp_url: String,
}

/// What `GET /api/tokens/current` answers: never a secret.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Described {
    pub partner_id: u64,
    pub user_id: String,
    pub service_url: String,
    pub credentials: &'static str,
    pub issued_at: String,
    pub expires_at: String,
}

impl Described {
    pub fn of(grant: &Grant) -> Self {
        Described {
            partner_id: grant.partner_id,
            user_id: grant.user_id.clone(),
            service_url: grant.service_url.clone(),
            credentials: match grant.credential {
                GrantCredential::Secret { .. } => "admin_secret",
                GrantCredential::Ks { .. } => "ks",
            },
            issued_at: crate::time::format_utc(grant.issued_at as i64),
            expires_at: crate::time::format_utc(grant.expires_at as i64),
        }
    }
}

/// Stores `grant` as an access token.
pub async fn mint(store: &TokenStore, grant: &Grant) -> Result<String, StoreError> {
    store.mint(Kind::Access, grant, grant.expires_at).await
}

/// The account a bearer token's grant acts for.
pub async fn account_of(
    store: &TokenStore,
    ctx: &Context,
    token: &str,
) -> Result<Account, StoreError> {
    let grant: Grant = store.open(Kind::Access, token).await?;
    let (service_url, credentials) = grant
        .account(&ctx.config.kaltura.hosts)
        .map_err(|_| StoreError::NotFound)?;
    Ok(Account {
        service_url,
        credentials,
    })
}
