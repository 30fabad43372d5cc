//! `elasticsearch_esearch.searchEntry` answers: each hit is the entry, the
//! highlighted fields, and the inner items that matched (caption lines,
//! metadata values, cue points).

use super::entry::MediaEntry;
use super::lenient;
use serde::Deserialize;

/// `KalturaESearchEntryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ESearchEntryResponse {
    pub objects: Vec<ESearchEntryResult>,
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    pub object_type: Option<String>,
}

/// `KalturaESearchEntryResult`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ESearchEntryResult {
    pub object: MediaEntry,
    pub highlight: Vec<ESearchHighlight>,
    pub items_data: Vec<ESearchItemDataResult>,
}

/// `KalturaESearchHighlight`: matches wrapped in `<em>…</em>`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ESearchHighlight {
    pub field_name: Option<String>,
    pub hits: Vec<KalturaString>,
}

/// `KalturaString`: `{"value": "..."}`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct KalturaString {
    pub value: String,
}

/// `KalturaESearchItemDataResult`: inner hits of one kind.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ESearchItemDataResult {
    #[serde(deserialize_with = "lenient::int")]
    pub total_count: Option<i64>,
    pub items: Vec<ESearchItemData>,
    /// `caption`, `metadata` or `cue_points`.
    pub items_type: Option<String>,
}

/// One inner hit; which fields are set depends on `object_type`
/// (`KalturaESearchCaptionItemData`, `...MetadataItemData`,
/// `...CuePointItemData`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ESearchItemData {
    // Caption line.
    pub line: Option<String>,
    /// Milliseconds.
    #[serde(deserialize_with = "lenient::int")]
    pub starts_at: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub ends_at: Option<i64>,
    pub language: Option<String>,
    pub caption_asset_id: Option<String>,
    pub label: Option<String>,
    // Custom metadata value.
    pub xpath: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub metadata_profile_id: Option<i64>,
    pub value_text: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub value_int: Option<i64>,
    // Cue point.
    pub id: Option<String>,
    pub name: Option<String>,
    pub text: Option<String>,
    #[serde(deserialize_with = "lenient::string")]
    pub cue_point_type: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub start_time: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub end_time: Option<i64>,
    pub highlight: Vec<ESearchHighlight>,
    pub object_type: Option<String>,
}
