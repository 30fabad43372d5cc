//! `get_media_entry`: one entry's full metadata with its flavors and its
//! caption and attachment counts, fetched in one multirequest round trip
//! and cached for a minute per tenant.

use super::entry_view::{entry_status_name, media_type_name, split_list};
use super::{entry_not_found, kaltura_failure, not_found_or};
use crate::cache::CachePolicy;
use crate::context::Context;
use crate::kaltura::api::{assets, media, Pager};
use crate::kaltura::model::{CaptionAsset, FlavorAsset};
use crate::kaltura::{EntryId, MultiRequest};
use crate::mcp::tool::{Tool, ToolError};
use crate::time::{format_position, format_utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Entry id, e.g. `1_a1b2c3d4`.
    pub entry_id: EntryId,
}

/// One rendition of the media.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Flavor {
    pub id: String,
    /// The uploaded original.
    pub is_source: bool,
    /// ready, converting, error, ...
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bitrate_kbps: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_ext: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codec: Option<String>,
}

impl Flavor {
    pub fn from_asset(asset: &FlavorAsset) -> Self {
        Flavor {
            id: asset.asset.id.clone().unwrap_or_default(),
            is_source: asset.is_original == Some(true) || asset.flavor_params_id == Some(0),
            status: flavor_status_name(asset.asset.status),
            width: asset.width.filter(|w| *w > 0),
            height: asset.height.filter(|h| *h > 0),
            bitrate_kbps: asset.bitrate.filter(|b| *b > 0),
            size_bytes: asset.asset.bytes(),
            file_ext: asset.asset.file_ext.clone(),
            codec: asset.video_codec_id.clone().filter(|c| !c.is_empty()),
        }
    }
}

/// `KalturaFlavorAssetStatus` as a word.
pub fn flavor_status_name(status: Option<i64>) -> String {
    match status {
        Some(-1) => "error",
        Some(0) => "queued",
        Some(1) => "converting",
        Some(2) => "ready",
        Some(3) => "deleted",
        Some(4) => "not_applicable",
        Some(5) => "temp",
        Some(6) => "wait_for_convert",
        Some(7) => "importing",
        Some(8) => "validating",
        Some(9) => "exporting",
        _ => "unknown",
    }
    .into()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaptionSummary {
    pub count: i64,
    /// Languages with captions, e.g. `English`, `Spanish`.
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EntryDetails {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
    /// video, audio, image, live, ...
    pub media_type: String,
    /// ready, preconvert, error_converting, ...
    pub status: String,
    /// Seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_played_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plays: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub views: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub categories: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub category_ids: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thumbnail_url: Option<String>,
    pub flavors: Vec<Flavor>,
    pub captions: CaptionSummary,
    pub attachment_count: i64,
}

pub struct GetMediaEntry;

impl Tool<Context> for GetMediaEntry {
    const NAME: &'static str = "get_media_entry";
    const TITLE: &'static str = "Get media entry";
    const DESCRIPTION: &'static str = "Full details of one entry: metadata, status, owner, categories, play counts, its flavors (renditions), and how many captions (by language) and attachments it has.";
    type Args = Args;
    type Output = EntryDetails;

    async fn call(ctx: Context, args: Args) -> Result<EntryDetails, ToolError> {
        let cache = ctx.cache().map_err(kaltura_failure)?;
        let (details, _) = cache
            .get_or_fetch(
                CachePolicy::EntryMetadata,
                args.entry_id.as_str(),
                fetch(&ctx, &args.entry_id),
            )
            .await?;
        Ok(details)
    }

    fn render(entry: &EntryDetails) -> String {
        let mut lines = vec![format!(
            "{} \"{}\" — {}, {}",
            entry.id, entry.name, entry.media_type, entry.status
        )];
        if let Some(duration) = entry.duration {
            lines.push(format!("Duration: {}", format_position(duration * 1000)));
        }
        if let Some(owner) = &entry.owner {
            lines.push(format!("Owner: {owner}"));
        }
        if let Some(created) = &entry.created_at {
            lines.push(format!("Created: {created}"));
        }
        lines.push(format!(
            "Plays: {}, views: {}",
            entry.plays.unwrap_or(0),
            entry.views.unwrap_or(0)
        ));
        if !entry.categories.is_empty() {
            lines.push(format!("Categories: {}", entry.categories.join("; ")));
        }
        if let Some(tags) = &entry.tags {
            lines.push(format!("Tags: {tags}"));
        }
        if let Some(description) = &entry.description {
            lines.push(format!("Description: {description}"));
        }
        lines.push(format!(
            "Flavors: {}; captions: {}{}; attachments: {}",
            entry.flavors.len(),
            entry.captions.count,
            if entry.captions.languages.is_empty() {
                String::new()
            } else {
                format!(" ({})", entry.captions.languages.join(", "))
            },
            entry.attachment_count
        ));
        lines.join("\n")
    }
}

/// Assets listed per kind: more than any real entry has.
const ASSET_PAGE: u32 = 100;

async fn fetch(ctx: &Context, entry_id: &EntryId) -> Result<EntryDetails, ToolError> {
    let client = ctx.kaltura().map_err(kaltura_failure)?;
    let mut batch = MultiRequest::new();
    let entry = batch.add(media::get_any(entry_id));
    let flavors = batch.add(assets::list_flavors(&[entry_id], Pager::first(ASSET_PAGE)));
    let captions = batch.add(assets::list_captions(&[entry_id], Pager::first(ASSET_PAGE)));
    let attachments = batch.add(assets::list_attachments(&[entry_id], Pager::first(1)));
    let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
    let entry = answers
        .take(entry)
        .map_err(|error| not_found_or(error, &entry_not_found(entry_id)))?;
    // Asset lists fail alone (e.g. a plugin not enabled): show what came.
    let flavors = answers
        .take(flavors)
        .map(|list| list.objects)
        .unwrap_or_default();
    let captions = answers.take(captions).unwrap_or_default();
    let attachments = answers.take(attachments).unwrap_or_default();
    Ok(EntryDetails {
        id: entry.id.clone().unwrap_or_else(|| entry_id.to_string()),
        name: entry.name.clone().unwrap_or_default(),
        description: entry.description.clone().filter(|d| !d.trim().is_empty()),
        tags: entry.tags.clone().filter(|t| !t.trim().is_empty()),
        media_type: media_type_name(&entry),
        status: entry_status_name(entry.status.as_deref()),
        duration: entry.duration,
        owner: entry.user_id.clone().filter(|u| !u.is_empty()),
        created_at: entry.created_at.map(format_utc),
        updated_at: entry.updated_at.map(format_utc),
        last_played_at: entry.last_played_at.filter(|t| *t > 0).map(format_utc),
        plays: entry.plays,
        views: entry.views,
        width: entry.width.filter(|w| *w > 0),
        height: entry.height.filter(|h| *h > 0),
        categories: split_list(entry.categories.as_deref()),
        category_ids: split_list(entry.categories_ids.as_deref()),
        reference_id: entry.reference_id.clone().filter(|r| !r.is_empty()),
        thumbnail_url: entry.thumbnail_url.clone(),
        flavors: flavors.iter().map(Flavor::from_asset).collect(),
        captions: CaptionSummary {
            count: captions
                .total_count
                .unwrap_or(captions.objects.len() as i64),
            languages: languages(&captions.objects),
        },
        attachment_count: attachments
            .total_count
            .unwrap_or(attachments.objects.len() as i64),
    })
}

fn languages(captions: &[CaptionAsset]) -> Vec<String> {
    let mut languages: Vec<String> = Vec::new();
    for caption in captions {
        if let Some(language) = caption
            .language
            .clone()
            .or_else(|| caption.language_code.clone())
        {
            if !languages.contains(&language) {
                languages.push(language);
            }
        }
    }
    languages
}
