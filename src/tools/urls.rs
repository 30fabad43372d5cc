//! `get_download_url` and `get_thumbnail_url`: links to an entry's media
//! file and to a thumbnail of it at a chosen size and second.

use super::media::Flavor;
use super::{entry_not_found, kaltura_failure, not_found_or};
use crate::context::Context;
use crate::kaltura::api::{assets, media, Pager};
use crate::kaltura::model::FlavorAsset;
use crate::kaltura::{AssetId, EntryId, MultiRequest};
use crate::mcp::tool::{Tool, ToolError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DownloadArgs {
    /// Entry id, e.g. `1_a1b2c3d4`.
    pub entry_id: EntryId,
    /// A flavor of the entry (see get_media_entry). Default: the source file if ready, else the highest-bitrate ready flavor.
    pub flavor_id: Option<AssetId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DownloadLink {
    pub entry_id: String,
    pub entry_name: String,
    pub download_url: String,
    pub flavor: Flavor,
}

pub struct GetDownloadUrl;

impl Tool<Context> for GetDownloadUrl {
    const NAME: &'static str = "get_download_url";
    const TITLE: &'static str = "Get download URL";
    const DESCRIPTION: &'static str = "A download URL for an entry's media file: the source, the best ready flavor, or a flavor you choose, with its size, resolution and bitrate.";
    type Args = DownloadArgs;
    type Output = DownloadLink;

    async fn call(ctx: Context, args: DownloadArgs) -> Result<DownloadLink, ToolError> {
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let mut batch = MultiRequest::new();
        let entry = batch.add(media::get_any(&args.entry_id));
        let flavors = batch.add(assets::list_flavors(&[&args.entry_id], Pager::first(100)));
        let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
        let entry = answers
            .take(entry)
            .map_err(|error| not_found_or(error, &entry_not_found(&args.entry_id)))?;
        let flavors = answers.take(flavors).map_err(kaltura_failure)?.objects;
        let chosen = choose_flavor(&flavors, args.flavor_id.as_ref(), &args.entry_id)?;
        let flavor_id = chosen.asset.id.clone().unwrap_or_default();
        let url = client
            .call(assets::flavor_url(&flavor_id))
            .await
            .map_err(kaltura_failure)?;
        Ok(DownloadLink {
            entry_id: args.entry_id.to_string(),
            entry_name: entry.name.unwrap_or_default(),
            download_url: url,
            flavor: Flavor::from_asset(chosen),
        })
    }

    fn render(link: &DownloadLink) -> String {
        let flavor = &link.flavor;
        let mut facts = Vec::new();
        if flavor.is_source {
            facts.push("source".to_owned());
        }
        if let (Some(w), Some(h)) = (flavor.width, flavor.height) {
            facts.push(format!("{w}x{h}"));
        }
        if let Some(kbps) = flavor.bitrate_kbps {
            facts.push(format!("{kbps} kbps"));
        }
        if let Some(bytes) = flavor.size_bytes {
            facts.push(format!("{:.1} MB", bytes as f64 / 1_048_576.0));
        }
        format!(
            "Download \"{}\" (flavor {}, {}): {}",
            link.entry_name,
            flavor.id,
            facts.join(", "),
            link.download_url
        )
    }
}

/// The asked-for flavor, else the ready source, else the ready flavor
/// with the highest bitrate.
fn choose_flavor<'a>(
    flavors: &'a [FlavorAsset],
    wanted: Option<&AssetId>,
    entry_id: &EntryId,
) -> Result<&'a FlavorAsset, ToolError> {
    let ids = || {
        flavors
            .iter()
            .filter_map(|f| f.asset.id.as_deref())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(wanted) = wanted {
        let flavor = flavors
            .iter()
            .find(|f| f.asset.id.as_deref() == Some(wanted.as_str()))
            .ok_or_else(|| {
                ToolError::Failed(format!(
                    "Flavor {wanted} does not belong to entry {entry_id}. Its flavors: {}.",
                    ids()
                ))
            })?;
        if !flavor.asset.is_ready() {
            return Err(ToolError::Failed(format!(
                "Flavor {wanted} is not ready (status {}); choose a ready one, or leave flavor_id out.",
                super::media::flavor_status_name(flavor.asset.status)
            )));
        }
        return Ok(flavor);
    }
    let ready: Vec<&FlavorAsset> = flavors.iter().filter(|f| f.asset.is_ready()).collect();
    ready
        .iter()
        .find(|f| f.is_original == Some(true) || f.flavor_params_id == Some(0))
        .or_else(|| ready.iter().max_by_key(|f| f.bitrate.unwrap_or(0)))
        .copied()
        .ok_or_else(|| {
            ToolError::Failed(if flavors.is_empty() {
                format!("Entry {entry_id} has no media files (it may be an image, a live stream, or still uploading).")
            } else {
                format!("None of entry {entry_id}'s flavors is ready yet; try again after conversion finishes.")
            })
        })
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThumbnailArgs {
    /// Entry id, e.g. `1_a1b2c3d4`.
    pub entry_id: EntryId,
    /// Pixels, default 640.
    #[schemars(range(min = 1, max = 4096))]
    pub width: Option<u32>,
    /// Pixels, default 360.
    #[schemars(range(min = 1, max = 4096))]
    pub height: Option<u32>,
    /// Video frame at this second (videos only); default: the entry's chosen thumbnail.
    #[schemars(range(min = 0))]
    pub second: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ThumbnailLink {
    pub entry_id: String,
    pub entry_name: String,
    pub media_type: String,
    pub thumbnail_url: String,
    pub width: u32,
    pub height: u32,
    /// The second shown, when one was applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<f64>,
    /// Why a requested second was not applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

pub struct GetThumbnailUrl;

impl Tool<Context> for GetThumbnailUrl {
    const NAME: &'static str = "get_thumbnail_url";
    const TITLE: &'static str = "Get thumbnail URL";
    const DESCRIPTION: &'static str = "A thumbnail image URL for an entry at a given size, optionally the video frame at a given second.";
    type Args = ThumbnailArgs;
    type Output = ThumbnailLink;

    async fn call(ctx: Context, args: ThumbnailArgs) -> Result<ThumbnailLink, ToolError> {
        let width = args.width.unwrap_or(640);
        let height = args.height.unwrap_or(360);
        for (name, value) in [("width", width), ("height", height)] {
            if !(1..=4096).contains(&value) {
                return Err(ToolError::InvalidArguments(format!(
                    "{name} must be 1 to 4096 pixels, got {value}"
                )));
            }
        }
        if let Some(second) = args.second {
            if !second.is_finite() || second < 0.0 {
                return Err(ToolError::InvalidArguments(format!(
                    "second must be 0 or more, got {second}"
                )));
            }
        }
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let entry = client
            .call(media::get_any(&args.entry_id))
            .await
            .map_err(|error| not_found_or(error, &entry_not_found(&args.entry_id)))?;
        let media_type = super::entry_view::media_type_name(&entry);
        let is_video = media_type == "video";
        let partner = client.credentials().partner_id();
        let mut url = format!(
            "{}/p/{partner}/sp/{partner}00/thumbnail/entry_id/{}/width/{width}/height/{height}",
            client.service_url().as_str(),
            args.entry_id
        );
        let (second, note) = match args.second {
            Some(second) if is_video => {
                url.push_str(&format!("/vid_sec/{}", trim_float(second)));
                (Some(second), None)
            }
            Some(_) => (
                None,
                Some(format!(
                    "`second` applies to videos only; this entry is {media_type}."
                )),
            ),
            None => (None, None),
        };
        Ok(ThumbnailLink {
            entry_id: args.entry_id.to_string(),
            entry_name: entry.name.unwrap_or_default(),
            media_type,
            thumbnail_url: url,
            width,
            height,
            second,
            note,
        })
    }

    fn render(link: &ThumbnailLink) -> String {
        let at = link
            .second
            .map(|s| format!(" at {}s", trim_float(s)))
            .unwrap_or_default();
        let note = link
            .note
            .as_deref()
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        format!(
            "Thumbnail of \"{}\" ({}x{}{at}): {}{note}",
            link.entry_name, link.width, link.height, link.thumbnail_url
        )
    }
}

/// `5` rather than `5.0`; fractions kept.
fn trim_float(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
