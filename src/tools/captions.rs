//! `list_caption_assets` and `get_caption_content`: an entry's caption
//! tracks, and one track's text as timed cues (SRT, WebVTT and DFXP
//! parsed alike), cut at a size limit with a marker saying how to read on.

use super::{assets_of_entry, kaltura_failure, not_found_or};
use crate::captions::{self, CaptionFormat, Cue};
use crate::context::Context;
use crate::kaltura::api::{assets, Pager};
use crate::kaltura::model::CaptionAsset;
use crate::kaltura::{AssetId, EntryId, MultiRequest};
use crate::mcp::tool::{Tool, ToolError};
use crate::time::{format_position, format_utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListArgs {
    /// Entry id, e.g. `1_a1b2c3d4`.
    pub entry_id: EntryId,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaptionTrack {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// srt, dfxp, webvtt, cap, scc
    pub format: String,
    pub is_default: bool,
    /// Percent, for machine captions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accuracy: Option<i64>,
    pub ready: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

impl CaptionTrack {
    fn from_asset(asset: &CaptionAsset) -> Self {
        CaptionTrack {
            id: asset.asset.id.clone().unwrap_or_default(),
            language: asset.language.clone(),
            language_code: asset.language_code.clone(),
            label: asset.label.clone().filter(|l| !l.is_empty()),
            format: format_name(asset.format.as_deref()),
            is_default: asset.is_default == Some(true),
            accuracy: asset.accuracy.filter(|a| *a > 0),
            ready: asset.asset.is_ready(),
            size_bytes: asset.asset.bytes(),
            created_at: asset.asset.created_at.map(format_utc),
        }
    }
}

/// `KalturaCaptionType` as a word.
fn format_name(format: Option<&str>) -> String {
    match format {
        Some("1") => "srt",
        Some("2") => "dfxp",
        Some("3") => "webvtt",
        Some("4") => "cap",
        Some("5") => "scc",
        _ => "unknown",
    }
    .into()
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaptionTracks {
    pub entry_id: String,
    pub total_count: i64,
    pub captions: Vec<CaptionTrack>,
}

pub struct ListCaptionAssets;

impl Tool<Context> for ListCaptionAssets {
    const NAME: &'static str = "list_caption_assets";
    const TITLE: &'static str = "List caption assets";
    const DESCRIPTION: &'static str = "Lists an entry's caption tracks: id, language, label, format, accuracy, readiness. Read one with get_caption_content.";
    type Args = ListArgs;
    type Output = CaptionTracks;

    async fn call(ctx: Context, args: ListArgs) -> Result<CaptionTracks, ToolError> {
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let list = assets_of_entry(
            &client,
            &args.entry_id,
            assets::list_captions(&[&args.entry_id], Pager::first(100)),
        )
        .await?;
        let captions: Vec<CaptionTrack> =
            list.objects.iter().map(CaptionTrack::from_asset).collect();
        Ok(CaptionTracks {
            entry_id: args.entry_id.to_string(),
            total_count: list.total_count.unwrap_or(captions.len() as i64),
            captions,
        })
    }

    fn render(tracks: &CaptionTracks) -> String {
        if tracks.captions.is_empty() {
            return format!("Entry {} has no captions.", tracks.entry_id);
        }
        let mut text = format!(
            "{} caption track(s) on {}:",
            tracks.captions.len(),
            tracks.entry_id
        );
        for track in &tracks.captions {
            text.push_str(&format!(
                "\n- {} {} ({}{}{}{})",
                track.id,
                track.language.as_deref().unwrap_or("unknown language"),
                track.format,
                track
                    .label
                    .as_deref()
                    .map(|l| format!(", \"{l}\""))
                    .unwrap_or_default(),
                if track.is_default { ", default" } else { "" },
                if track.ready { "" } else { ", not ready" },
            ));
        }
        text
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentArgs {
    /// Caption asset id (from list_caption_assets or search matches).
    pub caption_asset_id: AssetId,
    /// Start reading at this second of the media (to continue after a cut).
    #[schemars(range(min = 0))]
    pub start_seconds: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TimedCue {
    pub start_ms: u64,
    pub end_ms: u64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CaptionContent {
    pub caption_asset_id: String,
    pub entry_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub format: String,
    /// Cues in the whole track.
    pub cue_count: usize,
    pub cues: Vec<TimedCue>,
    /// True when cues were left out for size; continue with `nextStartSeconds`.
    pub truncated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_start_seconds: Option<u64>,
    /// The caption file itself.
    pub download_url: String,
}

/// Caption files larger than this are not fetched whole.
const MAX_CAPTION_FILE_BYTES: usize = 4 << 20;
/// Cue text returned per call, in characters (~6k tokens).
const MAX_CUE_CHARS: usize = 24_000;

pub struct GetCaptionContent;

impl Tool<Context> for GetCaptionContent {
    const NAME: &'static str = "get_caption_content";
    const TITLE: &'static str = "Get caption content";
    const DESCRIPTION: &'static str = "The text of a caption track as timed cues (SRT, WebVTT and DFXP alike), plus its download URL. Long tracks are cut; the answer says where to continue.";
    type Args = ContentArgs;
    type Output = CaptionContent;

    async fn call(ctx: Context, args: ContentArgs) -> Result<CaptionContent, ToolError> {
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let id = args.caption_asset_id.as_str();
        let mut batch = MultiRequest::new();
        let asset = batch.add(assets::get_caption(id));
        let url = batch.add(assets::caption_url(id));
        let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
        let not_found = format!(
            "Caption asset {id} was not found. List an entry's captions with list_caption_assets."
        );
        let asset = answers
            .take(asset)
            .map_err(|error| not_found_or(error, &not_found))?;
        if !asset.asset.is_ready() {
            return Err(ToolError::Failed(format!(
                "Caption asset {id} is not ready yet (still processing); try again later or pick another track."
            )));
        }
        let url = answers.take(url).map_err(kaltura_failure)?;
        let format_code = asset.format.as_deref().unwrap_or_default();
        let format = CaptionFormat::from_wire(format_code)
            .or_else(|| asset.asset.file_ext.as_deref().and_then(CaptionFormat::from_wire))
            .ok_or_else(|| {
                ToolError::Failed(format!(
                    "Caption asset {id} is in {} format, which this server cannot read as text; download it from {url}",
                    format_name(Some(format_code))
                ))
            })?;
        let file = ctx
            .download(&client, &url, MAX_CAPTION_FILE_BYTES)
            .await
            .map_err(kaltura_failure)?;
        if file.is_truncated() {
            return Err(ToolError::Failed(format!(
                "Caption file {id} is {} bytes, over this server's {MAX_CAPTION_FILE_BYTES}-byte limit; download it from {url}",
                file.total_bytes
            )));
        }
        let text = String::from_utf8_lossy(&file.bytes);
        let all = captions::parse(format, &text);
        let from_ms = u64::from(args.start_seconds.unwrap_or(0)) * 1000;
        let (cues, next) = page(&all, from_ms);
        Ok(CaptionContent {
            caption_asset_id: id.to_owned(),
            entry_id: asset.asset.entry_id.unwrap_or_default(),
            language: asset.language,
            label: asset.label.filter(|l| !l.is_empty()),
            format: format_name(Some(format_code)),
            cue_count: all.len(),
            truncated: next.is_some(),
            next_start_seconds: next,
            cues,
            download_url: url,
        })
    }

    fn render(content: &CaptionContent) -> String {
        let mut text = format!(
            "Captions {} ({}, {}) of entry {}, {} cues:",
            content.caption_asset_id,
            content.language.as_deref().unwrap_or("unknown language"),
            content.format,
            content.entry_id,
            content.cue_count
        );
        for cue in &content.cues {
            text.push_str(&format!(
                "\n[{}] {}",
                format_position(cue.start_ms as i64),
                cue.text
            ));
        }
        if let Some(next) = content.next_start_seconds {
            text.push_str(&format!(
                "\n[truncated: more cues follow; call get_caption_content again with start_seconds={next}]"
            ));
        }
        text
    }
}

/// The cues from `from_ms` on, up to the size limit, and where the next
/// page starts if any were left out.
fn page(all: &[Cue], from_ms: u64) -> (Vec<TimedCue>, Option<u64>) {
    let mut chars = 0;
    let mut cues = Vec::new();
    for cue in all.iter().filter(|cue| cue.end_ms > from_ms) {
        chars += cue.text.chars().count() + 12;
        if chars > MAX_CUE_CHARS && !cues.is_empty() {
            return (cues, Some(cue.start_ms / 1000));
        }
        cues.push(TimedCue {
            start_ms: cue.start_ms,
            end_ms: cue.end_ms,
            text: cue.text.clone(),
        });
    }
    (cues, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(second: u64, text: &str) -> Cue {
        Cue {
            start_ms: second * 1000,
            end_ms: second * 1000 + 900,
            text: text.into(),
        }
    }

    #[test]
    fn long_tracks_are_paged_by_time() {
        let line = "x".repeat(100);
        let all: Vec<Cue> = (0..1000).map(|s| cue(s, &line)).collect();
        let (first, next) = page(&all, 0);
        let next = next.expect("a cut");
        assert!(first.len() < 1000 && !first.is_empty());
        assert_eq!(next, first.len() as u64);
        let (second, _) = page(&all, next * 1000);
        assert_eq!(second[0].start_ms, next * 1000);
        let (short, none) = page(&all[..3], 0);
        assert_eq!((short.len(), none), (3, None));
    }
}
