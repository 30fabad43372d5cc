//! Assets of entries: captions, attachments and flavors (`list`, `get`,
//! `getUrl`, `serve`), plus cue points and custom metadata lists. Asset
//! lists insist on `entryIdEqual`/`entryIdIn` as Kaltura does.

use serde_json::{json, Value};

use super::{list_response, required, ActionResult, Ctx, File, Pager, Reply};
use crate::error::ApiError;
use crate::fixtures::{int, text, Object};
use crate::params::Params;

const READY: i64 = 2;

/// Caption and attachment assets share everything but names.
struct Kind {
    /// `Caption` / `Attachment`, as in error codes and messages.
    label: &'static str,
    filter_type: &'static str,
    list_type: &'static str,
    id_param: &'static str,
    service: &'static str,
    folder: &'static str,
}

const CAPTION: Kind = Kind {
    label: "Caption",
    filter_type: "KalturaCaptionAssetFilter",
    list_type: "KalturaCaptionAssetListResponse",
    id_param: "captionAssetId",
    service: "caption_captionAsset",
    folder: "captions",
};

const ATTACHMENT: Kind = Kind {
    label: "Attachment",
    filter_type: "KalturaAttachmentAssetFilter",
    list_type: "KalturaAttachmentAssetListResponse",
    id_param: "attachmentAssetId",
    service: "attachment_attachmentAsset",
    folder: "attachments",
};

pub fn caption_list(ctx: &Ctx, params: &Params) -> ActionResult {
    asset_list(
        &ctx.catalog.captions,
        CAPTION.filter_type,
        CAPTION.list_type,
        params,
    )
}

pub fn attachment_list(ctx: &Ctx, params: &Params) -> ActionResult {
    asset_list(
        &ctx.catalog.attachments,
        ATTACHMENT.filter_type,
        ATTACHMENT.list_type,
        params,
    )
}

pub fn flavor_list(ctx: &Ctx, params: &Params) -> ActionResult {
    asset_list(
        &ctx.catalog.flavors,
        "KalturaFlavorAssetFilter",
        "KalturaFlavorAssetListResponse",
        params,
    )
}

pub fn caption_get(ctx: &Ctx, params: &Params) -> ActionResult {
    find(&ctx.catalog.captions, &CAPTION, params, CAPTION.id_param)
        .map(|asset| Value::Object(asset.clone()).into())
}

pub fn attachment_get(ctx: &Ctx, params: &Params) -> ActionResult {
    find(
        &ctx.catalog.attachments,
        &ATTACHMENT,
        params,
        ATTACHMENT.id_param,
    )
    .map(|asset| Value::Object(asset.clone()).into())
}

pub fn flavor_get(ctx: &Ctx, params: &Params) -> ActionResult {
    find_flavor(ctx, params).map(|asset| Value::Object(asset.clone()).into())
}

pub fn caption_url(ctx: &Ctx, params: &Params) -> ActionResult {
    serve_url(ctx, &ctx.catalog.captions, &CAPTION, params)
}

pub fn attachment_url(ctx: &Ctx, params: &Params) -> ActionResult {
    serve_url(ctx, &ctx.catalog.attachments, &ATTACHMENT, params)
}

pub fn caption_serve(ctx: &Ctx, params: &Params) -> ActionResult {
    serve(ctx, &ctx.catalog.captions, &CAPTION, params)
}

pub fn attachment_serve(ctx: &Ctx, params: &Params) -> ActionResult {
    serve(ctx, &ctx.catalog.attachments, &ATTACHMENT, params)
}

/// A serveFlavor delivery URL for a READY flavor.
pub fn flavor_url(ctx: &Ctx, params: &Params) -> ActionResult {
    let flavor = find_flavor(ctx, params)?;
    if int(flavor, "status") != Some(READY) {
        return Err(ApiError::flavor_not_ready());
    }
    let ext = text(flavor, "fileExt");
    let url = format!(
        "{}/serveFlavor/entryId/{}/v/1/flavorId/{}/name/a.{ext}",
        ctx.partner_path(),
        text(flavor, "entryId"),
        text(flavor, "id"),
    );
    Ok(Value::String(url).into())
}

pub fn cue_point_list(ctx: &Ctx, params: &Params) -> ActionResult {
    let filter = params.object("filter").unwrap_or_default();
    let pager = Pager::read(params, 30);
    let matched: Vec<&Object> = ctx
        .catalog
        .cue_points
        .iter()
        .filter(|cue| entry_matches(&filter, text(cue, "entryId")))
        .filter(|cue| {
            filter
                .nonempty("cuePointTypeEqual")
                .is_none_or(|want| want == text(cue, "cuePointType"))
        })
        .filter(|cue| {
            filter
                .nonempty("cuePointTypeIn")
                .is_none_or(|want| in_csv(&want, text(cue, "cuePointType")))
        })
        .collect();
    let objects = pager
        .page(&matched)
        .into_iter()
        .map(|cue| Value::Object(cue.clone()))
        .collect();
    Ok(list_response("KalturaCuePointListResponse", objects, matched.len()).into())
}

pub fn metadata_list(ctx: &Ctx, params: &Params) -> ActionResult {
    let filter = params.object("filter").unwrap_or_default();
    let pager = Pager::read(params, 30);
    let matched: Vec<&Object> = ctx
        .catalog
        .metadata
        .iter()
        .filter(|item| {
            filter
                .nonempty("objectIdEqual")
                .is_none_or(|want| want == text(item, "objectId"))
        })
        .filter(|item| {
            filter
                .nonempty("objectIdIn")
                .is_none_or(|want| in_csv(&want, text(item, "objectId")))
        })
        .filter(|item| {
            filter
                .int("metadataProfileIdEqual")
                .is_none_or(|want| Some(want) == int(item, "metadataProfileId"))
        })
        .collect();
    let objects = pager
        .page(&matched)
        .into_iter()
        .map(|item| {
            json!({
                "id": item.get("id").cloned().unwrap_or(Value::Null),
                "partnerId": ctx.partner_id(),
                "metadataProfileId": item.get("metadataProfileId").cloned().unwrap_or(Value::Null),
                "metadataObjectType": "1",
                "objectId": text(item, "objectId"),
                "xml": text(item, "xml"),
                "status": 1,
                "objectType": "KalturaMetadata",
            })
        })
        .collect();
    Ok(list_response("KalturaMetadataListResponse", objects, matched.len()).into())
}

fn in_csv(list: &str, value: &str) -> bool {
    list.split(',').any(|item| item.trim() == value)
}

fn entry_matches(filter: &Params, entry_id: &str) -> bool {
    filter
        .nonempty("entryIdEqual")
        .is_none_or(|want| want == entry_id)
        && filter
            .nonempty("entryIdIn")
            .is_none_or(|want| in_csv(&want, entry_id))
}

fn asset_list(
    assets: &[Object],
    filter_type: &str,
    list_type: &str,
    params: &Params,
) -> ActionResult {
    let filter = params.object("filter").unwrap_or_default();
    if filter.nonempty("entryIdEqual").is_none() && filter.nonempty("entryIdIn").is_none() {
        return Err(ApiError::cannot_be_null(&format!(
            "{filter_type}::entryIdEqual/{filter_type}::entryIdIn"
        )));
    }
    let pager = Pager::read(params, 30);
    let matched: Vec<&Object> = assets
        .iter()
        .filter(|asset| entry_matches(&filter, text(asset, "entryId")))
        .filter(|asset| {
            filter
                .nonempty("idEqual")
                .is_none_or(|want| want == text(asset, "id"))
        })
        .filter(|asset| {
            filter
                .nonempty("idIn")
                .is_none_or(|want| in_csv(&want, text(asset, "id")))
        })
        .filter(|asset| {
            filter
                .int("statusEqual")
                .is_none_or(|want| Some(want) == int(asset, "status"))
        })
        .filter(|asset| {
            filter
                .nonempty("statusIn")
                .is_none_or(|want| in_csv(&want, &int(asset, "status").unwrap_or(0).to_string()))
        })
        .filter(|asset| {
            filter
                .nonempty("formatEqual")
                .is_none_or(|want| want == text(asset, "format"))
        })
        .filter(|asset| {
            filter
                .nonempty("formatIn")
                .is_none_or(|want| in_csv(&want, text(asset, "format")))
        })
        .filter(|asset| {
            filter
                .nonempty("languageEqual")
                .is_none_or(|want| want == text(asset, "language"))
        })
        .filter(|asset| {
            filter
                .int("flavorParamsIdEqual")
                .is_none_or(|want| Some(want) == int(asset, "flavorParamsId"))
        })
        .collect();
    let objects = pager
        .page(&matched)
        .into_iter()
        .map(|asset| Value::Object(asset.clone()))
        .collect();
    Ok(list_response(list_type, objects, matched.len()).into())
}

/// `get`/`serve` name the asset `captionAssetId`/`attachmentAssetId`;
/// `getUrl` names it `id`, as Kaltura's signatures do.
fn find<'a>(
    assets: &'a [Object],
    kind: &Kind,
    params: &Params,
    param: &str,
) -> Result<&'a Object, ApiError> {
    let id = required(params, param)?;
    assets
        .iter()
        .find(|asset| text(asset, "id") == id)
        .ok_or_else(|| ApiError::asset_not_found(kind.label, &id))
}

fn find_flavor<'a>(ctx: &'a Ctx, params: &Params) -> Result<&'a Object, ApiError> {
    let id = required(params, "id")?;
    ctx.catalog
        .flavors
        .iter()
        .find(|flavor| text(flavor, "id") == id)
        .ok_or_else(|| ApiError::flavor_not_found(&id))
}

fn ready<'a>(
    assets: &'a [Object],
    kind: &Kind,
    params: &Params,
    param: &str,
) -> Result<&'a Object, ApiError> {
    let asset = find(assets, kind, params, param)?;
    if int(asset, "status") != Some(READY) {
        return Err(ApiError::asset_not_ready(kind.label, text(asset, "id")));
    }
    Ok(asset)
}

fn serve_url(ctx: &Ctx, assets: &[Object], kind: &Kind, params: &Params) -> ActionResult {
    let asset = ready(assets, kind, params, "id")?;
    let url = format!(
        "{}/api_v3/index.php/service/{}/action/serve/{}/{}/v/{}",
        ctx.base_url,
        kind.service,
        kind.id_param,
        text(asset, "id"),
        asset
            .get("version")
            .and_then(crate::params::as_text)
            .unwrap_or_else(|| "1".into()),
    );
    Ok(Value::String(url).into())
}

fn serve(ctx: &Ctx, assets: &[Object], kind: &Kind, params: &Params) -> ActionResult {
    let asset = ready(assets, kind, params, kind.id_param)?;
    let ext = text(asset, "fileExt");
    Ok(Reply::File(File {
        content_type: content_type(ext).into(),
        name: format!("{}_{}.{ext}", text(asset, "entryId"), text(asset, "id")),
        bytes: ctx.catalog.asset_file(kind.folder, asset),
    }))
}

fn content_type(ext: &str) -> &'static str {
    match ext {
        "srt" | "txt" => "text/plain; charset=utf-8",
        "vtt" => "text/vtt; charset=utf-8",
        "xml" | "dfxp" => "application/xml",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}
