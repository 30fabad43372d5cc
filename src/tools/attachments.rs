//! `list_attachment_assets` and `get_attachment_content`: files attached to
//! an entry (slides, transcripts, documents), and one file's content:
//! inline text when it is text, base64 when binary, refused above a cap.

use super::{assets_of_entry, kaltura_failure, not_found_or};
use crate::context::Context;
use crate::kaltura::api::{assets, Pager};
use crate::kaltura::model::AttachmentAsset;
use crate::kaltura::{AssetId, EntryId, MultiRequest};
use crate::mcp::tool::{Tool, ToolError};
use crate::time::format_utc;
use base64::Engine;
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
pub struct Attachment {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// text, media, document, json, markdown
    pub format: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_ext: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<i64>,
    pub ready: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

impl Attachment {
    fn from_asset(asset: &AttachmentAsset) -> Self {
        Attachment {
            id: asset.asset.id.clone().unwrap_or_default(),
            filename: asset.filename.clone(),
            title: asset.title.clone().filter(|t| !t.is_empty()),
            format: match asset.format.as_deref() {
                Some("1") => "text",
                Some("2") => "media",
                Some("3") => "document",
                Some("4") => "json",
                Some("5") => "markdown",
                _ => "unknown",
            }
            .into(),
            file_ext: asset.asset.file_ext.clone(),
            size_bytes: asset.asset.bytes(),
            ready: asset.asset.is_ready(),
            description: asset.asset.description.clone().filter(|d| !d.is_empty()),
            created_at: asset.asset.created_at.map(format_utc),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attachments {
    pub entry_id: String,
    pub total_count: i64,
    pub attachments: Vec<Attachment>,
}

pub struct ListAttachmentAssets;

impl Tool<Context> for ListAttachmentAssets {
    const NAME: &'static str = "list_attachment_assets";
    const TITLE: &'static str = "List attachment assets";
    const DESCRIPTION: &'static str = "Lists files attached to an entry (slides, transcripts, documents): id, filename, format, size. Read one with get_attachment_content.";
    type Args = ListArgs;
    type Output = Attachments;

    async fn call(ctx: Context, args: ListArgs) -> Result<Attachments, ToolError> {
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let list = assets_of_entry(
            &client,
            &args.entry_id,
            assets::list_attachments(&[&args.entry_id], Pager::first(100)),
        )
        .await?;
        let attachments: Vec<Attachment> =
            list.objects.iter().map(Attachment::from_asset).collect();
        Ok(Attachments {
            entry_id: args.entry_id.to_string(),
            total_count: list.total_count.unwrap_or(attachments.len() as i64),
            attachments,
        })
    }

    fn render(list: &Attachments) -> String {
        if list.attachments.is_empty() {
            return format!("Entry {} has no attachments.", list.entry_id);
        }
        let mut text = format!(
            "{} attachment(s) on {}:",
            list.attachments.len(),
            list.entry_id
        );
        for file in &list.attachments {
            text.push_str(&format!(
                "\n- {} {} ({}{}{})",
                file.id,
                file.filename
                    .as_deref()
                    .or(file.title.as_deref())
                    .unwrap_or("unnamed"),
                file.format,
                file.size_bytes
                    .map(|b| format!(", {b} bytes"))
                    .unwrap_or_default(),
                if file.ready { "" } else { ", not ready" },
            ));
        }
        text
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContentArgs {
    /// Attachment asset id (from list_attachment_assets).
    pub attachment_asset_id: AssetId,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentContent {
    pub attachment_asset_id: String,
    pub entry_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    pub size_bytes: usize,
    /// `text` (content is the text) or `base64` (content is the bytes, base64-encoded).
    pub encoding: String,
    pub content: String,
    pub download_url: String,
}

/// Files above this are refused: a model reads them better in pieces
/// it downloads itself.
pub const MAX_ATTACHMENT_BYTES: usize = 512 << 10;

pub struct GetAttachmentContent;

impl Tool<Context> for GetAttachmentContent {
    const NAME: &'static str = "get_attachment_content";
    const TITLE: &'static str = "Get attachment content";
    const DESCRIPTION: &'static str = "The content of an attached file: text inline when it is text, base64 when binary (up to 512 KB), plus its download URL.";
    type Args = ContentArgs;
    type Output = AttachmentContent;

    async fn call(ctx: Context, args: ContentArgs) -> Result<AttachmentContent, ToolError> {
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let id = args.attachment_asset_id.as_str();
        let mut batch = MultiRequest::new();
        let asset = batch.add(assets::get_attachment(id));
        let url = batch.add(assets::attachment_url(id));
        let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
        let not_found = format!("Attachment {id} was not found. List an entry's attachments with list_attachment_assets.");
        let asset = answers
            .take(asset)
            .map_err(|error| not_found_or(error, &not_found))?;
        let url = answers
            .take(url)
            .map_err(|error| not_found_or(error, &not_found))?;
        let too_big = |bytes: usize| {
            ToolError::Failed(format!(
                "Attachment {id} is {bytes} bytes, over the {MAX_ATTACHMENT_BYTES}-byte limit for inline content; download it from {url}"
            ))
        };
        if let Some(size) = asset
            .asset
            .bytes()
            .filter(|size| *size as usize > MAX_ATTACHMENT_BYTES)
        {
            return Err(too_big(size as usize));
        }
        let file = ctx
            .download(&client, &url, MAX_ATTACHMENT_BYTES)
            .await
            .map_err(kaltura_failure)?;
        if file.is_truncated() {
            return Err(too_big(file.total_bytes));
        }
        let (encoding, content) = match textual(
            &file.bytes,
            file.content_type.as_deref(),
            asset.asset.file_ext.as_deref(),
        ) {
            Some(text) => ("text", text),
            None => (
                "base64",
                base64::engine::general_purpose::STANDARD.encode(&file.bytes),
            ),
        };
        Ok(AttachmentContent {
            attachment_asset_id: id.to_owned(),
            entry_id: asset.asset.entry_id.unwrap_or_default(),
            filename: asset.filename,
            mime_type: file
                .content_type
                .map(|t| t.split(';').next().unwrap_or_default().trim().to_owned()),
            size_bytes: file.bytes.len(),
            encoding: encoding.into(),
            content,
            download_url: url,
        })
    }

    fn render(file: &AttachmentContent) -> String {
        let name = file
            .filename
            .as_deref()
            .unwrap_or(&file.attachment_asset_id);
        match file.encoding.as_str() {
            "text" => format!("{name} ({} bytes):\n{}", file.size_bytes, file.content),
            _ => format!(
                "{name} is a binary file ({} bytes, {}); its base64 content is in structuredContent.content. Download: {}",
                file.size_bytes,
                file.mime_type.as_deref().unwrap_or("unknown type"),
                file.download_url
            ),
        }
    }
}

/// The bytes as text, if they are text: a textual type or extension and
/// valid UTF-8 without NULs.
fn textual(bytes: &[u8], content_type: Option<&str>, ext: Option<&str>) -> Option<String> {
    let declared_binary = content_type.is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t.starts_with("image/")
            || t.starts_with("video/")
            || t.starts_with("audio/")
            || t.contains("pdf")
            || t.contains("zip")
    }) || ext.is_some_and(|e| {
        [
            "pdf", "zip", "png", "jpg", "jpeg", "gif", "mp4", "mp3", "pptx", "docx", "xlsx",
        ]
        .contains(&e.to_ascii_lowercase().as_str())
    });
    if declared_binary || bytes.contains(&0) {
        return None;
    }
    String::from_utf8(bytes.to_vec()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_inline_and_binary_is_not() {
        assert_eq!(
            textual(b"hello", Some("text/plain"), Some("txt")).as_deref(),
            Some("hello")
        );
        assert_eq!(
            textual(b"{\"a\":1}", Some("application/json"), None).as_deref(),
            Some("{\"a\":1}")
        );
        assert_eq!(
            textual(b"%PDF-1.4", Some("application/pdf"), Some("pdf")),
            None
        );
        assert_eq!(textual(&[0x89, b'P', 0, 1], None, None), None);
        assert_eq!(textual(&[0xff, 0xfe, b'a'], None, Some("txt")), None);
    }
}
