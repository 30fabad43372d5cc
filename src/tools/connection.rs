//! `get_connection_status`: which Kaltura account this server acts as —
//! partner, user, service URL, session type, expiry and privileges — in one
//! multirequest (`session.get` + `partner.getInfo`). Never the secret.

use super::kaltura_failure;
use crate::context::Context;
use crate::kaltura::api::account;
use crate::kaltura::{Credentials, MultiRequest};
use crate::mcp::tool::{Tool, ToolError};
use crate::time::format_utc;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// No arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionStatus {
    /// Kaltura partner (account) id.
    pub partner_id: u64,
    /// Account name, when the session may read it.
    pub partner_name: Option<String>,
    /// Kaltura API base URL.
    pub service_url: String,
    /// User the session acts as (empty for none).
    pub user_id: String,
    /// `admin` or `user`.
    pub session_type: String,
    /// When the current KS expires (UTC, ISO 8601).
    pub ks_expires_at: Option<String>,
    /// KS privileges, e.g. `disableentitlement`.
    pub privileges: String,
    /// `admin_secret` (KSs generated locally) or `ks` (a ready session).
    pub credentials: String,
}

pub struct GetConnectionStatus;

impl Tool<Context> for GetConnectionStatus {
    const NAME: &'static str = "get_connection_status";
    const TITLE: &'static str = "Kaltura connection status";
    const DESCRIPTION: &'static str = "Checks the connection to Kaltura and tells which account it uses: partner id and name, user, service URL, session type, KS expiry and privileges. Use it first when other tools fail with session errors.";
    type Args = Args;
    type Output = ConnectionStatus;

    async fn call(ctx: Context, _args: Args) -> Result<ConnectionStatus, ToolError> {
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let mut batch = MultiRequest::new();
        let session = batch.add(account::session_info());
        let partner = batch.add(account::partner_info());
        let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
        let session = answers.take(session).map_err(kaltura_failure)?;
        // A user KS may not read partner details; the status stands without.
        let partner = answers.take(partner).ok();
        let credentials = match client.credentials() {
            Credentials::Secret { .. } => "admin_secret",
            Credentials::Session { .. } => "ks",
        };
        Ok(ConnectionStatus {
            partner_id: client.credentials().partner_id().get(),
            partner_name: partner.and_then(|partner| partner.name),
            service_url: client.service_url().to_string(),
            user_id: session.user_id.unwrap_or_default(),
            session_type: match session.session_type {
                Some(0) => "user".into(),
                _ => "admin".into(),
            },
            ks_expires_at: session.expiry.map(format_utc),
            privileges: session.privileges.unwrap_or_default(),
            credentials: credentials.into(),
        })
    }

    fn render(status: &ConnectionStatus) -> String {
        let user = match status.user_id.as_str() {
            "" => String::new(),
            user => format!(" as {user}"),
        };
        format!(
            "Connected to {} partner {}{}{} ({} session, expires {}, privileges: {}).",
            status.service_url,
            status.partner_id,
            status
                .partner_name
                .as_deref()
                .map(|name| format!(" \"{name}\""))
                .unwrap_or_default(),
            user,
            status.session_type,
            status.ks_expires_at.as_deref().unwrap_or("unknown"),
            if status.privileges.is_empty() {
                "none"
            } else {
                &status.privileges
            },
        )
    }
}
