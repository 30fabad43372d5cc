//! `media` and `baseEntry`: entries by id, and filtered lists.

use super::Pager;
use crate::kaltura::ids::EntryId;
use crate::kaltura::model::{ListResponse, MediaEntry};
use crate::kaltura::request::Call;
use serde::Serialize;

/// `KalturaMediaEntryFilter` (the fields we use; all optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(
    tag = "objectType",
    rename = "KalturaMediaEntryFilter",
    rename_all = "camelCase"
)]
pub struct MediaEntryFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_in: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_like: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags_like: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories_ids_match_or: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type_equal: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id_equal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_greater_than_or_equal: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at_less_than_or_equal: Option<i64>,
    /// e.g. `-createdAt`, `+name`, `-plays`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
}

pub fn get(entry_id: &EntryId) -> Call<MediaEntry> {
    Call::new("media", "get").param("entryId", entry_id.as_str())
}

pub fn list(filter: &MediaEntryFilter, pager: Pager) -> Call<ListResponse<MediaEntry>> {
    Call::new("media", "list")
        .param("filter", filter)
        .param("pager", pager)
}

/// `baseEntry.get`: any entry type (live streams, playlists, documents).
pub fn get_any(entry_id: &EntryId) -> Call<MediaEntry> {
    Call::new("baseEntry", "get").param("entryId", entry_id.as_str())
}
