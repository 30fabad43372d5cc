//! Assets of an entry: captions (`caption_captionasset`), attachments
//! (`attachment_attachmentasset`) and flavors (`flavorAsset`). Kaltura
//! requires asset lists to be filtered by entry.

use super::Pager;
use crate::kaltura::ids::EntryId;
use crate::kaltura::model::{AttachmentAsset, CaptionAsset, FlavorAsset, ListResponse};
use crate::kaltura::request::Call;
use serde_json::{json, Value};

/// An asset filter of `object_type` limited to one entry (or several,
/// comma-separated, when `entry_ids` holds more than one).
fn by_entries(object_type: &str, entry_ids: &[&EntryId]) -> Value {
    let ids: Vec<&str> = entry_ids.iter().map(|id| id.as_str()).collect();
    match ids.as_slice() {
        [one] => json!({"objectType": object_type, "entryIdEqual": one}),
        many => json!({"objectType": object_type, "entryIdIn": many.join(",")}),
    }
}

pub fn list_captions(entry_ids: &[&EntryId], pager: Pager) -> Call<ListResponse<CaptionAsset>> {
    Call::new("caption_captionasset", "list")
        .param("filter", by_entries("KalturaCaptionAssetFilter", entry_ids))
        .param("pager", pager)
}

pub fn get_caption(caption_asset_id: &str) -> Call<CaptionAsset> {
    Call::new("caption_captionasset", "get").param("captionAssetId", caption_asset_id)
}

/// A download URL for the caption file (a JSON string answer).
pub fn caption_url(caption_asset_id: &str) -> Call<String> {
    Call::new("caption_captionasset", "getUrl").param("id", caption_asset_id)
}

pub fn list_attachments(
    entry_ids: &[&EntryId],
    pager: Pager,
) -> Call<ListResponse<AttachmentAsset>> {
    Call::new("attachment_attachmentasset", "list")
        .param(
            "filter",
            by_entries("KalturaAttachmentAssetFilter", entry_ids),
        )
        .param("pager", pager)
}

pub fn get_attachment(attachment_asset_id: &str) -> Call<AttachmentAsset> {
    Call::new("attachment_attachmentasset", "get").param("attachmentAssetId", attachment_asset_id)
}

pub fn attachment_url(attachment_asset_id: &str) -> Call<String> {
    Call::new("attachment_attachmentasset", "getUrl").param("id", attachment_asset_id)
}

pub fn list_flavors(entry_ids: &[&EntryId], pager: Pager) -> Call<ListResponse<FlavorAsset>> {
    Call::new("flavorAsset", "list")
        .param("filter", by_entries("KalturaFlavorAssetFilter", entry_ids))
        .param("pager", pager)
}

pub fn flavor_url(flavor_asset_id: &str) -> Call<String> {
    Call::new("flavorAsset", "getUrl").param("id", flavor_asset_id)
}
