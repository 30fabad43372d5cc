//! The product's tools, one file per tool family.

pub mod analytics;
pub mod connection;
pub mod server_info;

use crate::context::Context;
use crate::kaltura::KalturaError;
use crate::mcp::tool::{ToolError, ToolRegistry};

pub fn register(registry: &mut ToolRegistry<Context>) {
    registry.register::<server_info::GetServerInfo>();
    registry.register::<connection::GetConnectionStatus>();
}

/// A Kaltura failure as a tool error: the error's own message (it never
/// holds a secret) plus what to do about it.
pub fn kaltura_failure(error: KalturaError) -> ToolError {
    let advice = match error.api_code() {
        Some("INVALID_KS") | Some("SERVICE_FORBIDDEN") | Some("MISSING_KS") => {
            " The Kaltura session was refused: check the partner id and admin secret (or the KS) this server is configured with, and that the KS has not expired."
        }
        Some(_) => "",
        None if error.is_retryable() => " Kaltura may be briefly unavailable; try again in a moment.",
        None => "",
    };
    ToolError::Failed(format!("{error}.{advice}"))
}
