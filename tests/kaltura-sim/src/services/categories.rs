//! `category.get/list`: the fixture category tree with the filter fields
//! tools use (ids, parents, depth, full names, free text) and `orderBy`.

use serde_json::Value;

use super::text_match::{has_all_words, starts_with};
use super::{list_response, required, sort_by_order, ActionResult, Ctx, Pager};
use crate::error::ApiError;
use crate::fixtures::{int, text, Object};
use crate::params::Params;

pub fn get(ctx: &Ctx, params: &Params) -> ActionResult {
    let raw = required(params, "id")?;
    let category = raw
        .parse::<i64>()
        .ok()
        .and_then(|id| ctx.catalog.category(id))
        .ok_or_else(|| ApiError::category_not_found(&raw))?;
    Ok(Value::Object(category.clone()).into())
}

pub fn list(ctx: &Ctx, params: &Params) -> ActionResult {
    let filter = params.object("filter").unwrap_or_default();
    // Without a pager Kaltura returns up to 1500 categories.
    let pager = if params.object("pager").is_some() {
        Pager::read(params, 30)
    } else {
        Pager {
            size: 1500,
            index: 1,
        }
    };
    let mut matched: Vec<&Object> = ctx
        .catalog
        .categories
        .iter()
        .filter(|c| matches(&filter, c))
        .collect();
    sort_by_order(
        &mut matched,
        &filter
            .nonempty("orderBy")
            .unwrap_or_else(|| "+fullName".into()),
    );
    let objects = pager
        .page(&matched)
        .into_iter()
        .map(|c| Value::Object(c.clone()))
        .collect();
    Ok(list_response("KalturaCategoryListResponse", objects, matched.len()).into())
}

fn in_csv(list: &str, value: &str) -> bool {
    list.split(',').any(|item| item.trim() == value)
}

fn matches(filter: &Params, category: &Object) -> bool {
    let id = int(category, "id").unwrap_or(0).to_string();
    let parent = int(category, "parentId").unwrap_or(0).to_string();
    let full_name = text(category, "fullName");
    let full_ids = text(category, "fullIds");
    let searchable = format!(
        "{} {} {} {full_name}",
        text(category, "name"),
        text(category, "description"),
        text(category, "tags")
    );
    [
        filter.nonempty("idEqual").is_none_or(|want| want == id),
        filter
            .nonempty("idIn")
            .is_none_or(|want| in_csv(&want, &id)),
        filter
            .nonempty("idNotIn")
            .is_none_or(|want| !in_csv(&want, &id)),
        filter
            .nonempty("parentIdEqual")
            .is_none_or(|want| want == parent),
        filter
            .nonempty("parentIdIn")
            .is_none_or(|want| in_csv(&want, &parent)),
        filter
            .int("depthEqual")
            .is_none_or(|want| Some(want) == int(category, "depth")),
        filter
            .nonempty("fullNameEqual")
            .is_none_or(|want| want == full_name),
        filter
            .nonempty("fullNameIn")
            .is_none_or(|want| in_csv(&want, full_name)),
        filter
            .nonempty("fullNameStartsWith")
            .is_none_or(|want| full_name.starts_with(want.as_str())),
        filter
            .nonempty("fullIdsEqual")
            .is_none_or(|want| want == full_ids),
        filter
            .nonempty("fullIdsStartsWith")
            .is_none_or(|want| full_ids.starts_with(want.as_str())),
        filter.nonempty("ancestorIdIn").is_none_or(|want| {
            want.split(',')
                .any(|a| full_ids.split('>').any(|step| step == a.trim()) && a.trim() != id)
        }),
        filter
            .nonempty("freeText")
            .is_none_or(|want| has_all_words(&searchable, &want)),
        filter
            .nonempty("nameOrReferenceIdStartsWith")
            .is_none_or(|want| {
                starts_with(text(category, "name"), &want)
                    || starts_with(text(category, "referenceId"), &want)
            }),
        filter
            .nonempty("tagsLike")
            .is_none_or(|want| has_all_words(text(category, "tags"), &want)),
        filter
            .int("statusEqual")
            .is_none_or(|want| Some(want) == int(category, "status")),
    ]
    .into_iter()
    .all(|ok| ok)
}
