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

use crate::context::{Context, KalturaClient};
use crate::kaltura::api::media as media_api;
use crate::kaltura::model::ListResponse;
use crate::kaltura::{Call, EntryId, KalturaError, MultiRequest};
use crate::mcp::tool::{ToolError, ToolRegistry};
use serde::de::DeserializeOwned;

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
        .register::<analytics::table::GetAnalytics>()
        .register::<analytics::timeseries::GetAnalyticsTimeseries>()
        .register::<analytics::retention::GetVideoRetention>()
        .register::<analytics::realtime::GetRealtimeMetrics>()
        .register::<analytics::quality::GetQualityMetrics>()
        .register::<analytics::geography::GetGeographicBreakdown>()
        .register::<analytics::capabilities::ListAnalyticsCapabilities>()
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

/// What a model is told when an entry id names nothing.
pub fn entry_not_found(entry_id: &EntryId) -> String {
    format!("Entry {entry_id} was not found. Check the id, or find entries with search_entries.")
}

/// An entry's assets (`list`), with the entry fetched in the same round
/// trip so that a wrong id is reported as such rather than as no assets.
pub async fn assets_of_entry<T: DeserializeOwned>(
    client: &KalturaClient,
    entry_id: &EntryId,
    list: Call<ListResponse<T>>,
) -> Result<ListResponse<T>, ToolError> {
    let mut batch = MultiRequest::new();
    let entry = batch.add(media_api::get_any(entry_id));
    let list = batch.add(list);
    let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
    answers
        .take(entry)
        .map_err(|error| not_found_or(error, &entry_not_found(entry_id)))?;
    answers.take(list).map_err(kaltura_failure)
}
