//! Assets attached to an entry: captions, attachments, flavors. They share
//! the `KalturaAsset` fields ([`AssetFields`]).

use super::lenient;
use serde::Deserialize;

/// Fields every `KalturaAsset` subtype carries.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AssetFields {
    pub id: Option<String>,
    pub entry_id: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub partner_id: Option<i64>,
    /// Sent as a string by real servers.
    #[serde(deserialize_with = "lenient::string")]
    pub version: Option<String>,
    /// Kilobytes.
    #[serde(deserialize_with = "lenient::int")]
    pub size: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub size_in_bytes: Option<i64>,
    pub tags: Option<String>,
    pub file_ext: Option<String>,
    pub description: Option<String>,
    /// 2 is READY for every asset type.
    #[serde(deserialize_with = "lenient::int")]
    pub status: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub updated_at: Option<i64>,
    pub object_type: Option<String>,
}

impl AssetFields {
    pub const STATUS_READY: i64 = 2;

    pub fn is_ready(&self) -> bool {
        self.status == Some(Self::STATUS_READY)
    }

    /// Size in bytes, from `sizeInBytes` or else the kilobyte `size`.
    pub fn bytes(&self) -> Option<i64> {
        self.size_in_bytes.or(self.size.map(|kb| kb * 1024))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CaptionAsset {
    #[serde(flatten)]
    pub asset: AssetFields,
    #[serde(deserialize_with = "lenient::int")]
    pub caption_params_id: Option<i64>,
    /// Full language name, e.g. `English`.
    pub language: Option<String>,
    pub language_code: Option<String>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub is_default: Option<bool>,
    pub label: Option<String>,
    /// `KalturaCaptionType`: "1" SRT, "2" DFXP, "3" WebVTT, "4" CAP, "5" SCC.
    #[serde(deserialize_with = "lenient::string")]
    pub format: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub accuracy: Option<i64>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub display_on_player: Option<bool>,
    #[serde(deserialize_with = "lenient::string")]
    pub usage: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AttachmentAsset {
    #[serde(flatten)]
    pub asset: AssetFields,
    pub filename: Option<String>,
    pub title: Option<String>,
    /// `KalturaAttachmentType`: "1" text, "2" media, "3" document, "4" JSON, "5" markdown.
    #[serde(deserialize_with = "lenient::string")]
    pub format: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FlavorAsset {
    #[serde(flatten)]
    pub asset: AssetFields,
    /// 0 is the source flavor.
    #[serde(deserialize_with = "lenient::int")]
    pub flavor_params_id: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub width: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub height: Option<i64>,
    /// Kilobits per second.
    #[serde(deserialize_with = "lenient::int")]
    pub bitrate: Option<i64>,
    #[serde(deserialize_with = "lenient::float")]
    pub frame_rate: Option<f64>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub is_original: Option<bool>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub is_web: Option<bool>,
    pub container_format: Option<String>,
    pub video_codec_id: Option<String>,
    pub language: Option<String>,
    pub label: Option<String>,
    #[serde(deserialize_with = "lenient::boolean")]
    pub is_default: Option<bool>,
}
