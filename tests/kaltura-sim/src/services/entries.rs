//! `media.get/list` and `baseEntry.get/list` over the fixture entries, with
//! Kaltura's default list filtering (READY, moderated, displayed only),
//! the common `KalturaMediaEntryFilter` fields, `orderBy`, paging, and the
//! delivery URLs derived from the simulator's own address.

use serde_json::{json, Value};

use super::text_match::{has_all_words, has_phrase};
use super::{absolute_time, list_response, required, sort_by_order, ActionResult, Ctx, Pager};
use crate::error::ApiError;
use crate::fixtures::{int, text, Object};
use crate::params::Params;

const MEDIA_CLIP: i64 = 1;
const READY: i64 = 2;

pub fn media_get(ctx: &Ctx, params: &Params) -> ActionResult {
    let id = required(params, "entryId")?;
    match ctx.catalog.entry(&id) {
        Some(entry) if int(entry, "type") == Some(MEDIA_CLIP) => Ok(render(ctx, entry).into()),
        _ => Err(ApiError::entry_not_found(&id)),
    }
}

pub fn base_entry_get(ctx: &Ctx, params: &Params) -> ActionResult {
    let id = required(params, "entryId")?;
    let entry = ctx
        .catalog
        .entry(&id)
        .ok_or_else(|| ApiError::entry_not_found(&id))?;
    Ok(render(ctx, entry).into())
}

pub fn media_list(ctx: &Ctx, params: &Params) -> ActionResult {
    list(ctx, params, true, "KalturaMediaListResponse")
}

pub fn base_entry_list(ctx: &Ctx, params: &Params) -> ActionResult {
    list(ctx, params, false, "KalturaBaseEntryListResponse")
}

fn list(ctx: &Ctx, params: &Params, media_only: bool, object_type: &str) -> ActionResult {
    let filter = params.object("filter").unwrap_or_default();
    let pager = Pager::read(params, 30);
    if pager.offset() >= 10_000 {
        return Err(ApiError::max_matches());
    }
    let mut matched: Vec<&Object> = Vec::new();
    for entry in &ctx.catalog.entries {
        if media_only && int(entry, "type") != Some(MEDIA_CLIP) {
            continue;
        }
        if !visible_to_session(ctx, entry) || !matches(ctx, &filter, entry)? {
            continue;
        }
        matched.push(entry);
    }
    // Kaltura's default is newest first; `recent` is its alias of createdAt.
    let order_by = filter
        .nonempty("orderBy")
        .unwrap_or_else(|| "-createdAt".into());
    sort_by_order(&mut matched, &order_by.replace("recent", "createdAt"));
    let objects = pager
        .page(&matched)
        .into_iter()
        .map(|entry| render(ctx, entry))
        .collect();
    Ok(list_response(object_type, objects, matched.len()).into())
}

/// A user KS without `list:*` sees only its own entries.
fn visible_to_session(ctx: &Ctx, entry: &Object) -> bool {
    match ctx.session {
        Some(session) if !session.is_admin() && !session.has_privilege("list") => {
            text(entry, "userId") == session.user_id
        }
        _ => true,
    }
}

/// The entry as served: fixture fields plus URLs pointing back at us.
pub fn render(ctx: &Ctx, entry: &Object) -> Value {
    let mut object = entry.clone();
    let id = text(entry, "id").to_owned();
    let prefix = ctx.partner_path();
    let protocol = ctx.base_url.split(':').next().unwrap_or("http");
    object.insert(
        "thumbnailUrl".into(),
        json!(format!(
            "{prefix}/thumbnail/entry_id/{id}/version/{}",
            100_000 + int(entry, "version").unwrap_or(0)
        )),
    );
    if matches!(int(entry, "mediaType"), Some(1) | Some(5)) {
        let manifest = format!("{prefix}/playManifest/entryId/{id}");
        object.insert(
            "dataUrl".into(),
            json!(format!("{manifest}/format/url/protocol/{protocol}")),
        );
        object.insert(
            "downloadUrl".into(),
            json!(format!(
                "{manifest}/format/download/protocol/{protocol}/flavorParamIds/0"
            )),
        );
    }
    // objectType stays last when serialized; the renderer sees to that.
    Value::Object(object)
}

fn csv_has(list: &str, item: &str) -> bool {
    list.split(',').map(str::trim).any(|value| value == item)
}

fn text_of(entry: &Object, fields: &[&str]) -> String {
    fields
        .iter()
        .map(|field| text(entry, field))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Applies every filter field the simulator knows; unknown ones are
/// ignored as Kaltura ignores properties a filter class lacks.
fn matches(ctx: &Ctx, filter: &Params, entry: &Object) -> Result<bool, ApiError> {
    let id = text(entry, "id");
    let by_id = filter.nonempty("idEqual").is_some() || filter.nonempty("idIn").is_some();
    let status = int(entry, "status").unwrap_or(READY);
    let moderation = int(entry, "moderationStatus").unwrap_or(6);
    let display = int(entry, "displayInSearch").unwrap_or(1);
    let time = |key: &str| filter.int(key).map(|value| absolute_time(value, ctx.now));
    let field_int = |key: &str| int(entry, key).unwrap_or(0);

    let status_filtered = ["statusEqual", "statusIn", "statusNotEqual", "statusNotIn"]
        .iter()
        .any(|key| filter.nonempty(key).is_some());
    if !by_id && !status_filtered && status != READY {
        return Ok(false);
    }
    let moderation_filtered = [
        "moderationStatusEqual",
        "moderationStatusIn",
        "moderationStatusNotEqual",
        "moderationStatusNotIn",
    ]
    .iter()
    .any(|key| filter.nonempty(key).is_some());
    if !by_id && !moderation_filtered && matches!(moderation, 1 | 3) {
        return Ok(false);
    }
    if !by_id && filter.nonempty("displayInSearchEqual").is_none() && display < 0 {
        return Ok(false);
    }

    let checks: Vec<bool> = vec![
        filter.nonempty("idEqual").is_none_or(|want| want == id),
        filter
            .nonempty("idIn")
            .is_none_or(|want| csv_has(&want, id)),
        filter
            .nonempty("idNotIn")
            .is_none_or(|want| !csv_has(&want, id)),
        filter
            .nonempty("referenceIdEqual")
            .is_none_or(|want| want == text(entry, "referenceId")),
        filter
            .nonempty("nameEqual")
            .is_none_or(|want| want == text(entry, "name")),
        filter
            .nonempty("nameLike")
            .is_none_or(|want| has_phrase(text(entry, "name"), &want)),
        filter
            .nonempty("nameMultiLikeOr")
            .is_none_or(|want| want.split(',').any(|w| has_phrase(text(entry, "name"), w))),
        filter
            .nonempty("nameMultiLikeAnd")
            .is_none_or(|want| want.split(',').all(|w| has_phrase(text(entry, "name"), w))),
        filter
            .nonempty("tagsLike")
            .is_none_or(|want| has_phrase(text(entry, "tags"), &want)),
        filter
            .nonempty("tagsMultiLikeOr")
            .is_none_or(|want| want.split(',').any(|w| has_phrase(text(entry, "tags"), w))),
        filter
            .nonempty("tagsMultiLikeAnd")
            .is_none_or(|want| want.split(',').all(|w| has_phrase(text(entry, "tags"), w))),
        filter
            .nonempty("descriptionLike")
            .is_none_or(|want| has_phrase(text(entry, "description"), &want)),
        filter.nonempty("freeText").is_none_or(|want| {
            has_all_words(
                &text_of(entry, &["id", "name", "description", "tags", "referenceId"]),
                &want,
            )
        }),
        filter.nonempty("searchTextMatchAnd").is_none_or(|want| {
            has_all_words(&text_of(entry, &["name", "description", "tags"]), &want)
        }),
        filter.nonempty("searchTextMatchOr").is_none_or(|want| {
            let hay = text_of(entry, &["name", "description", "tags"]);
            want.split_whitespace()
                .any(|word| has_all_words(&hay, word))
        }),
        filter
            .nonempty("userIdEqual")
            .is_none_or(|want| want == text(entry, "userId")),
        filter
            .nonempty("userIdIn")
            .is_none_or(|want| csv_has(&want, text(entry, "userId"))),
        filter
            .nonempty("creatorIdEqual")
            .is_none_or(|want| want == text(entry, "creatorId")),
        filter.nonempty("categoriesIdsMatchOr").is_none_or(|want| {
            want.split(',')
                .any(|id| csv_has(text(entry, "categoriesIds"), id.trim()))
        }),
        filter.nonempty("categoriesIdsMatchAnd").is_none_or(|want| {
            want.split(',')
                .all(|id| csv_has(text(entry, "categoriesIds"), id.trim()))
        }),
        filter.nonempty("categoriesMatchOr").is_none_or(|want| {
            want.split(',')
                .any(|name| csv_has(text(entry, "categories"), name.trim()))
        }),
        filter.nonempty("categoriesMatchAnd").is_none_or(|want| {
            want.split(',')
                .all(|name| csv_has(text(entry, "categories"), name.trim()))
        }),
        filter.nonempty("categoriesFullNameIn").is_none_or(|want| {
            want.split(',')
                .any(|name| csv_has(text(entry, "categories"), name.trim()))
        }),
        filter
            .nonempty("categoryAncestorIdIn")
            .is_none_or(|want| in_category_tree(ctx, entry, &want)),
        filter
            .nonempty("statusEqual")
            .is_none_or(|want| want.parse() == Ok(status)),
        filter
            .nonempty("statusNotEqual")
            .is_none_or(|want| want.parse() != Ok(status)),
        filter
            .nonempty("statusIn")
            .is_none_or(|want| csv_has(&want, &status.to_string())),
        filter
            .nonempty("statusNotIn")
            .is_none_or(|want| !csv_has(&want, &status.to_string())),
        filter
            .nonempty("moderationStatusEqual")
            .is_none_or(|want| want.parse() == Ok(moderation)),
        filter
            .nonempty("moderationStatusIn")
            .is_none_or(|want| csv_has(&want, &moderation.to_string())),
        filter
            .nonempty("moderationStatusNotIn")
            .is_none_or(|want| !csv_has(&want, &moderation.to_string())),
        filter
            .nonempty("typeEqual")
            .is_none_or(|want| want.parse() == Ok(field_int("type"))),
        filter
            .nonempty("typeIn")
            .is_none_or(|want| csv_has(&want, &field_int("type").to_string())),
        filter
            .nonempty("mediaTypeEqual")
            .is_none_or(|want| want.parse() == Ok(field_int("mediaType"))),
        filter
            .nonempty("mediaTypeIn")
            .is_none_or(|want| csv_has(&want, &field_int("mediaType").to_string())),
        time("createdAtGreaterThanOrEqual").is_none_or(|at| field_int("createdAt") >= at),
        time("createdAtLessThanOrEqual").is_none_or(|at| field_int("createdAt") <= at),
        time("updatedAtGreaterThanOrEqual").is_none_or(|at| field_int("updatedAt") >= at),
        time("updatedAtLessThanOrEqual").is_none_or(|at| field_int("updatedAt") <= at),
        time("lastPlayedAtGreaterThanOrEqual").is_none_or(|at| field_int("lastPlayedAt") >= at),
        time("lastPlayedAtLessThanOrEqual").is_none_or(|at| field_int("lastPlayedAt") <= at),
        filter
            .int("durationGreaterThan")
            .is_none_or(|d| field_int("duration") > d),
        filter
            .int("durationGreaterThanOrEqual")
            .is_none_or(|d| field_int("duration") >= d),
        filter
            .int("durationLessThan")
            .is_none_or(|d| field_int("duration") < d),
        filter
            .int("durationLessThanOrEqual")
            .is_none_or(|d| field_int("duration") <= d),
    ];
    Ok(checks.into_iter().all(|ok| ok))
}

/// The entry sits in one of the categories or below them.
fn in_category_tree(ctx: &Ctx, entry: &Object, ancestors: &str) -> bool {
    text(entry, "categoriesIds").split(',').any(|id| {
        let Some(category) = id
            .trim()
            .parse()
            .ok()
            .and_then(|id| ctx.catalog.category(id))
        else {
            return false;
        };
        let path = text(category, "fullIds");
        ancestors
            .split(',')
            .any(|ancestor| path.split('>').any(|step| step.trim() == ancestor.trim()))
    })
}
