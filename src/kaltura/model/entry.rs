//! `KalturaMediaEntry` (and, field-compatibly, the other `KalturaBaseEntry`
//! subtypes that `baseEntry.get/list` return: live streams, playlists...).

use super::lenient;
use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct MediaEntry {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub tags: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub partner_id: Option<i64>,
    pub user_id: Option<String>,
    pub creator_id: Option<String>,
    /// Comma-separated category full names.
    pub categories: Option<String>,
    pub categories_ids: Option<String>,
    /// `KalturaEntryStatus`: 2 is READY; plugin values are strings.
    #[serde(deserialize_with = "lenient::string")]
    pub status: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub moderation_status: Option<i64>,
    /// `KalturaEntryType`: 1 media clip, 7 live stream, ...
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub entry_type: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub media_type: Option<i64>,
    #[serde(deserialize_with = "lenient::string")]
    pub source_type: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub updated_at: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub plays: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub views: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub last_played_at: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub width: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub height: Option<i64>,
    /// Seconds.
    #[serde(deserialize_with = "lenient::int")]
    pub duration: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub ms_duration: Option<i64>,
    pub duration_type: Option<String>,
    pub thumbnail_url: Option<String>,
    pub data_url: Option<String>,
    pub download_url: Option<String>,
    pub flavor_params_ids: Option<String>,
    #[serde(deserialize_with = "lenient::float")]
    pub rank: Option<f64>,
    pub reference_id: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub start_date: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub end_date: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub display_in_search: Option<i64>,
    pub object_type: Option<String>,
}

impl MediaEntry {
    pub const STATUS_READY: &'static str = "2";

    pub fn is_ready(&self) -> bool {
        self.status.as_deref() == Some(Self::STATUS_READY)
    }
}
