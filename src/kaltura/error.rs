//! `KalturaError`: everything a Kaltura call can end in besides success,
//! each with a message a person (or a model) can act on. No variant ever
//! holds a KS, a secret or a full request URL.

use crate::platform::TransportError;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KalturaError {
    /// Kaltura answered with a `KalturaAPIException` (usually on HTTP 200).
    #[error("Kaltura API error {code}: {message}")]
    Api {
        code: String,
        message: String,
        args: BTreeMap<String, String>,
    },
    /// No response: unreachable host, timeout, connection dropped.
    #[error("Kaltura service at {host} is unreachable: {source}")]
    Unreachable {
        host: String,
        #[source]
        source: TransportError,
    },
    /// A response that was not HTTP 200, e.g. a proxy's 502 page.
    #[error("Kaltura service at {host} answered HTTP {status}{hint}")]
    Status {
        host: String,
        status: u16,
        hint: &'static str,
    },
    /// HTTP 200 whose body is not what api_v3 sends (an HTML page, a cut-off
    /// body, an unexpected shape).
    #[error("Kaltura service at {host} sent an unreadable response: {detail}")]
    Decode { host: String, detail: String },
    /// A file URL Kaltura handed out points outside the allowed hosts.
    #[error("refusing to fetch a file from {0}: not the Kaltura service or an allowed host")]
    HostRefused(String),
    /// A KS could not be made from the configured credentials.
    #[error("could not create a Kaltura session: {0}")]
    Session(String),
}

impl KalturaError {
    /// Whether a read may be retried: the request may not have been served
    /// (transport failure, 5xx, a body cut short). API exceptions and 4xx
    /// are answers, and retrying them would only repeat them.
    pub fn is_retryable(&self) -> bool {
        match self {
            KalturaError::Unreachable { .. } => true,
            KalturaError::Status { status, .. } => *status >= 500,
            KalturaError::Decode { detail, .. } => detail.starts_with(TRUNCATED),
            KalturaError::Api { .. } | KalturaError::Session(_) | KalturaError::HostRefused(_) => {
                false
            }
        }
    }

    /// The API error code, if this is an API exception.
    pub fn api_code(&self) -> Option<&str> {
        match self {
            KalturaError::Api { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// Prefix of the `Decode` detail for a body that ended early.
pub(crate) const TRUNCATED: &str = "the response body ended early";

/// Explains a status code in terms of what to check.
pub(crate) fn status_hint(status: u16) -> &'static str {
    match status {
        401 | 403 => " (access refused: check the service URL and that the KS is valid)",
        404 => " (not found: check that the service URL is the Kaltura API base, e.g. https://www.kaltura.com)",
        429 => " (rate limited: retry later)",
        500..=599 => " (a server-side failure at Kaltura or a proxy in front of it; retry later)",
        _ => "",
    }
}
