//! The product's tools, one file per tool family. Every tool is read-only;
//! Kaltura failures become `isError` results that say what to do next.

pub mod analytics;
pub mod attachments;
pub mod captions;
pub mod categories;
pub mod connection;
pub mod entry_view;
pub mod media;
pub mod search;
pub mod server_info;
pub mod urls;

use crate::context::Context;
use crate::kaltura::KalturaError;
use crate::mcp::tool::{ToolError, ToolRegistry};

pub fn register(registry: &mut ToolRegistry<Context>) {
    registry
        .register::<search::SearchEntries>()
        .register::<media::GetMediaEntry>()
        .register::<categories::ListCategories>()
        .register::<urls::GetDownloadUrl>()
        .register::<urls::GetThumbnailUrl>()
        .register::<captions::ListCaptionAssets>()
        .register::<captions::GetCaptionContent>()
        .register::<attachments::ListAttachmentAssets>()
        .register::<attachments::GetAttachmentContent>()
        .register::<connection::GetConnectionStatus>()
        .register::<server_info::GetServerInfo>();
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

/// `message` when Kaltura says the object does not exist (any
/// `*_NOT_FOUND` code), the usual explanation otherwise.
pub fn not_found_or(error: KalturaError, message: &str) -> ToolError {
    match error.api_code() {
        Some(code) if code.ends_with("NOT_FOUND") => ToolError::Failed(message.to_owned()),
        _ => kaltura_failure(error),
    }
}
