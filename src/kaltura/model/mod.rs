//! Typed api_v3 response objects. Decoding is forgiving the way Kaltura
//! needs: unknown fields are ignored, absent ones are `None`, numbers and
//! booleans are accepted in string form ([`lenient`]). Field names follow
//! the wire (camelCase there, snake_case here).

pub mod account;
pub mod asset;
pub mod category;
pub mod entry;
pub mod esearch;
pub mod lenient;
pub mod report;

pub use account::{PartnerInfo, SessionInfo};
pub use asset::{AssetFields, AttachmentAsset, CaptionAsset, FlavorAsset};
pub use category::Category;
pub use entry::MediaEntry;
pub use esearch::{ESearchEntryResponse, ESearchEntryResult, ESearchHighlight, ESearchItemData};
pub use report::{ReportBaseTotal, ReportGraph, ReportTable, ReportTotal};

use serde::Deserialize;

/// `Kaltura<X>ListResponse`: one page of objects and the full match count.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ListResponse<T> {
    pub objects: Vec<T>,
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    pub object_type: Option<String>,
}

impl<T> Default for ListResponse<T> {
    fn default() -> Self {
        ListResponse {
            objects: Vec::new(),
            total_count: None,
            object_type: None,
        }
    }
}
