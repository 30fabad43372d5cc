//! `elasticsearch_esearch.searchEntry`: an operator tree of unified,
//! entry, caption, metadata, category and cue-point items evaluated over
//! the fixtures, with Kaltura's validation errors, `<em>` highlights,
//! per-item data (which caption line matched, and when), ordering and
//! paging.

use serde_json::{json, Value};

use super::text_match::{exact, highlight, partial, starts_with};
use super::{entries, ActionResult, Ctx};
use crate::error::ApiError;
use crate::fixtures::{int, text, Object};
use crate::params::{as_float, as_text, Params};

/// How many item-data rows one result carries per kind.
const ITEMS_PER_KIND: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Exact,
    Partial,
    StartsWith,
    Exists,
    Range,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Unified,
    Entry(String),
    Caption(String),
    Metadata {
        profile: Option<i64>,
        xpath: Option<String>,
    },
    Category(String),
    CuePoint(String),
}

#[derive(Debug, Clone, PartialEq)]
struct Item {
    kind: Kind,
    term: String,
    how: Match,
    range: Params,
    highlight: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Vec<Node>),
    Item(Item),
}

/// What matched in one entry.
#[derive(Debug, Clone, Default)]
struct Hit {
    score: f64,
    highlights: Vec<(String, String)>,
    captions: Vec<Value>,
    metadata: Vec<Value>,
    cue_points: Vec<Value>,
}

impl Hit {
    fn merge(mut self, other: Hit) -> Hit {
        self.score += other.score;
        self.highlights.extend(other.highlights);
        self.captions.extend(other.captions);
        self.metadata.extend(other.metadata);
        self.cue_points.extend(other.cue_points);
        self
    }
}

pub fn search_entry(ctx: &Ctx, params: &Params) -> ActionResult {
    let search = params
        .object("searchParams")
        .ok_or_else(|| ApiError::missing_parameter("searchParams"))?;
    let operator = search.object("searchOperator").ok_or_else(|| {
        ApiError::esearch(
            "EMPTY SEARCH OPERATOR IS NOT ALLOWED",
            "Empty search operator is not allowed",
        )
    })?;
    let tree = parse_operator(&operator, true)?;

    let pager = params.object("pager").unwrap_or_default();
    let size = pager.int("pageSize").unwrap_or(30).clamp(0, 500) as usize;
    let index = pager.int("pageIndex").unwrap_or(1).max(1) as usize;
    if size.saturating_mul(index) > 10_000 {
        return Err(ApiError::esearch(
            "CRITERIA EXCEEDED MAX MATCHES ALLOWED",
            "Unable to generate list. max matches value was reached",
        ));
    }
    if search.nonempty("objectId").is_some() && search.nonempty("objectIds").is_some() {
        return Err(ApiError::esearch(
            "OBJECTID AND OBJECTIDS NOT ALLOWED SIMULTANEOUSLY",
            "objectId and objectIds are not allowed simultaneously",
        ));
    }
    let statuses = search
        .csv("objectStatuses")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| vec!["2".into()]);
    let only: Option<Vec<String>> = search
        .csv("objectIds")
        .or_else(|| search.nonempty("objectId").map(|id| vec![id]));
    let excluded = search.csv("objectIdsNotIn").unwrap_or_default();

    let mut hits: Vec<(&Object, Hit)> = Vec::new();
    for entry in &ctx.catalog.entries {
        let id = text(entry, "id");
        let status = int(entry, "status").unwrap_or(2).to_string();
        if !statuses.contains(&status)
            || int(entry, "displayInSearch").unwrap_or(1) < 0
            || only
                .as_ref()
                .is_some_and(|ids| !ids.iter().any(|x| x == id))
            || excluded.iter().any(|x| x == id)
        {
            continue;
        }
        if let Some(hit) = evaluate(ctx, &tree, entry) {
            hits.push((entry, hit));
        }
    }
    order(&mut hits, &search);
    let total = hits.len();
    let objects: Vec<Value> = hits
        .into_iter()
        .skip((index - 1).saturating_mul(size))
        .take(size)
        .map(|(entry, hit)| result(ctx, entry, hit))
        .collect();
    Ok(json!({"totalCount": total, "objects": objects, "objectType": "KalturaESearchEntryResponse"}).into())
}

fn parse_operator(operator: &Params, top: bool) -> Result<Node, ApiError> {
    let code = match operator.int("operator") {
        Some(code) => code,
        None if top => 1,
        None => {
            return Err(ApiError::esearch(
                "MISSING OPERATOR TYPE",
                "Missing operator type",
            ))
        }
    };
    let items = operator.list("searchItems");
    if items.is_empty() {
        return Err(ApiError::esearch(
            "EMPTY SEARCH ITEMS ARE NOT ALLOWED",
            "Empty search items are not allowed",
        ));
    }
    let children = items
        .iter()
        .map(|item| {
            let item = Params::from_value(item);
            match item.object_type().as_deref() {
                Some("KalturaESearchEntryOperator") | Some("KalturaESearchOperator") => {
                    parse_operator(&item, false)
                }
                _ => parse_item(&item).map(Node::Item),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    match code {
        1 => Ok(Node::And(children)),
        2 => Ok(Node::Or(children)),
        3 => Ok(Node::Not(children)),
        other => Err(ApiError::invalid_enum(
            &other.to_string(),
            "operator",
            "KalturaESearchOperatorType",
        )),
    }
}

fn parse_item(item: &Params) -> Result<Item, ApiError> {
    let object_type = item.object_type().unwrap_or_default();
    let field = |default: &str| {
        item.nonempty("fieldName")
            .unwrap_or_else(|| default.to_owned())
    };
    let kind = match object_type.as_str() {
        "KalturaESearchUnifiedItem" => Kind::Unified,
        "KalturaESearchEntryItem" => {
            let name = item
                .nonempty("fieldName")
                .ok_or_else(|| ApiError::cannot_be_null("KalturaESearchEntryItem::fieldName"))?;
            if entry_field(&name).is_none() {
                return Err(ApiError::invalid_enum(
                    &name,
                    "fieldName",
                    "KalturaESearchEntryFieldName",
                ));
            }
            Kind::Entry(name)
        }
        "KalturaESearchCaptionItem" => Kind::Caption(field("content")),
        "KalturaESearchEntryMetadataItem" => Kind::Metadata {
            profile: item.int("metadataProfileId"),
            xpath: item.nonempty("xpath").map(|xpath| last_step(&xpath)),
        },
        "KalturaESearchCategoryEntryItem" => Kind::Category(field("name")),
        "KalturaESearchCuePointItem" => Kind::CuePoint(field("text")),
        "KalturaESearchItem"
        | "KalturaESearchEntryBaseItem"
        | "KalturaESearchAbstractEntryItem" => {
            return Err(ApiError::abstract_type(&object_type));
        }
        other => return Err(ApiError::invalid_object_type(other)),
    };
    let how = match item.int("itemType").unwrap_or(2) {
        1 => Match::Exact,
        2 => Match::Partial,
        3 => Match::StartsWith,
        4 => Match::Exists,
        5 => Match::Range,
        other => {
            return Err(ApiError::invalid_enum(
                &other.to_string(),
                "itemType",
                "KalturaESearchItemType",
            ))
        }
    };
    if kind == Kind::Unified && matches!(how, Match::Exists | Match::Range) {
        return Err(ApiError::esearch(
            "SEARCH TYPE IS NOT ALLOWED ON UNIFIED SEARCH",
            "Search type is not allowed on unified search",
        ));
    }
    let term = item.text("searchTerm").unwrap_or_default();
    if term.trim().is_empty() && !matches!(how, Match::Exists | Match::Range) {
        let field_name = item.nonempty("fieldName").unwrap_or_default();
        return Err(ApiError::new(
            "EMPTY SEARCH TERM IS NOT ALLOWED",
            format!(
                " Empty search term is not allowed on Field [{field_name}] and search type [{}]",
                item.int("itemType").unwrap_or(2)
            ),
            &[
                ("FIELD", &field_name),
                ("TYPE", &item.int("itemType").unwrap_or(2).to_string()),
            ],
        ));
    }
    Ok(Item {
        kind,
        term,
        how,
        range: item.object("range").unwrap_or_default(),
        highlight: item.bool("addHighlight").unwrap_or(false),
    })
}

/// `/*[local-name()='metadata']/*[local-name()='Level']` → `Level`.
fn last_step(xpath: &str) -> String {
    let step = xpath.rsplit('/').next().unwrap_or(xpath);
    match step.split_once("local-name()='") {
        Some((_, rest)) => rest.split('\'').next().unwrap_or(rest).to_owned(),
        None => step.to_owned(),
    }
}

/// eSearch entry field → fixture key.
fn entry_field(name: &str) -> Option<&'static str> {
    Some(match name {
        "name" => "name",
        "description" => "description",
        "tags" => "tags",
        "admin_tags" => "adminTags",
        "id" => "id",
        "reference_id" => "referenceId",
        "kuser_id" | "user_names" => "userId",
        "creator_kuser_id" => "creatorId",
        "created_at" => "createdAt",
        "updated_at" => "updatedAt",
        "start_date" => "startDate",
        "end_date" => "endDate",
        "last_played_at" => "lastPlayedAt",
        "plays" => "plays",
        "views" => "views",
        "votes" => "votes",
        "rank" => "rank",
        "length_in_msecs" => "msDuration",
        "media_type" => "mediaType",
        "entry_type" => "type",
        "source_type" => "sourceType",
        "moderation_status" => "moderationStatus",
        "display_in_search" => "displayInSearch",
        "access_control_id" => "accessControlId",
        "conversion_profile_id" => "conversionProfileId",
        "partner_sort_value" => "partnerSortValue",
        "parent_id" => "parentEntryId",
        "root_id" => "rootEntryId",
        "redirect_entry_id" => "redirectEntryId",
        "template_entry_id" => "templateEntryId",
        "flavor_params_ids" => "flavorParamsIds",
        "credit" => "creditUserName",
        "site_url" => "siteUrl",
        "captions_content" => "captions_content",
        "broadcast_entry_id"
        | "recorded_entry_id"
        | "entitled_kusers_edit"
        | "entitled_kusers_publish"
        | "entitled_kusers_view"
        | "external_source_type"
        | "is_live"
        | "is_quiz"
        | "push_publish"
        | "recycled_at"
        | "room_type" => "",
        _ => return None,
    })
}

fn evaluate(ctx: &Ctx, node: &Node, entry: &Object) -> Option<Hit> {
    match node {
        Node::And(children) => children.iter().try_fold(Hit::default(), |hit, child| {
            evaluate(ctx, child, entry).map(|more| hit.merge(more))
        }),
        Node::Or(children) => children
            .iter()
            .filter_map(|child| evaluate(ctx, child, entry))
            .reduce(Hit::merge),
        Node::Not(children) => children
            .iter()
            .all(|child| evaluate(ctx, child, entry).is_none())
            .then(Hit::default),
        Node::Item(item) => evaluate_item(ctx, item, entry),
    }
}

fn term_matches(item: &Item, value: &str) -> bool {
    match item.how {
        Match::Exact => {
            exact(value, &item.term) || value.split(',').any(|part| exact(part, &item.term))
        }
        Match::Partial => partial(value, &item.term),
        Match::StartsWith => starts_with(value, &item.term),
        Match::Exists => !value.trim().is_empty(),
        Match::Range => as_float(&Value::String(value.to_owned()))
            .is_some_and(|number| in_range(&item.range, number)),
    }
}

fn in_range(range: &Params, number: f64) -> bool {
    range
        .float("greaterThanOrEqual")
        .is_none_or(|bound| number >= bound)
        && range
            .float("lessThanOrEqual")
            .is_none_or(|bound| number <= bound)
        && range
            .float("greaterThan")
            .is_none_or(|bound| number > bound)
        && range.float("lessThan").is_none_or(|bound| number < bound)
}

fn evaluate_item(ctx: &Ctx, item: &Item, entry: &Object) -> Option<Hit> {
    let hit = match &item.kind {
        Kind::Entry(field) if field == "captions_content" => {
            caption_hit(ctx, item, entry, "content")
        }
        Kind::Entry(field) => entry_hit(item, entry, &[field.as_str()]),
        Kind::Caption(field) => caption_hit(ctx, item, entry, field),
        Kind::Metadata { profile, xpath } => {
            metadata_hit(ctx, item, entry, *profile, xpath.as_deref())
        }
        Kind::Category(field) => category_hit(ctx, item, entry, field),
        Kind::CuePoint(field) => cue_point_hit(ctx, item, entry, Some(field.as_str())),
        Kind::Unified => {
            let parts = [
                entry_hit(
                    item,
                    entry,
                    &["name", "description", "tags", "reference_id", "id"],
                ),
                caption_hit(ctx, item, entry, "content"),
                metadata_hit(ctx, item, entry, None, None),
                cue_point_hit(ctx, item, entry, None),
            ];
            parts.into_iter().fold(Hit::default(), Hit::merge)
        }
    };
    (hit.score > 0.0).then_some(hit)
}

fn field_text(entry: &Object, key: &str) -> String {
    entry.get(key).and_then(as_text).unwrap_or_default()
}

fn entry_hit(item: &Item, entry: &Object, fields: &[&str]) -> Hit {
    let mut hit = Hit::default();
    for field in fields {
        let key = entry_field(field).unwrap_or("");
        let value = field_text(entry, key);
        if key.is_empty() || !term_matches(item, &value) {
            continue;
        }
        hit.score += match *field {
            "name" => 3.0,
            "tags" => 2.0,
            _ => 1.0,
        };
        if item.highlight && !matches!(item.how, Match::Exists | Match::Range) {
            hit.highlights
                .push((field.to_string(), highlight(&value, &item.term)));
        }
    }
    hit
}

fn highlight_value(field: &str, value: String) -> Value {
    json!([{
        "fieldName": field,
        "hits": [{"value": value, "objectType": "KalturaString"}],
        "objectType": "KalturaESearchHighlight",
    }])
}

fn caption_hit(ctx: &Ctx, item: &Item, entry: &Object, field: &str) -> Hit {
    let mut hit = Hit::default();
    let entry_id = text(entry, "id");
    for asset in ctx
        .catalog
        .captions
        .iter()
        .filter(|a| text(a, "entryId") == entry_id && int(a, "status") == Some(2))
    {
        let asset_id = text(asset, "id");
        let asset_matches = match field {
            "language" => term_matches(item, text(asset, "language")),
            "label" => term_matches(item, text(asset, "label")),
            "caption_asset_id" => term_matches(item, asset_id),
            _ => false,
        };
        for cue in ctx
            .catalog
            .caption_cues
            .get(asset_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let line_matches = match field {
                "content" => term_matches(item, &cue.text),
                "start_time" => in_range(&item.range, cue.start_ms as f64),
                "end_time" => in_range(&item.range, cue.end_ms as f64),
                _ => asset_matches,
            };
            if !line_matches {
                continue;
            }
            hit.score += 1.0;
            let mut data = json!({
                "line": cue.text,
                "startsAt": cue.start_ms,
                "endsAt": cue.end_ms,
                "language": text(asset, "language"),
                "captionAssetId": asset_id,
                "label": text(asset, "label"),
                "objectType": "KalturaESearchCaptionItemData",
            });
            if item.highlight && field == "content" {
                let field_name = format!(
                    "caption_assets.lines.content_{}",
                    text(asset, "language").to_lowercase()
                );
                data["highlight"] = highlight_value(&field_name, highlight(&cue.text, &item.term));
            }
            hit.captions.push(data);
        }
    }
    hit
}

/// The text inside `<key>…</key>` for every element of a metadata XML.
fn xml_fields(xml: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let Some(end) = after.find('>') else { break };
        let name = &after[..end];
        if name.starts_with('/') || name.starts_with('?') || name.ends_with('/') {
            rest = &after[end + 1..];
            continue;
        }
        let body = &after[end + 1..];
        match body.find(&format!("</{name}>")) {
            Some(close) if !body[..close].contains('<') => {
                fields.push((name.to_owned(), body[..close].to_owned()));
                rest = &body[close..];
            }
            _ => rest = body,
        }
    }
    fields
}

fn metadata_hit(
    ctx: &Ctx,
    item: &Item,
    entry: &Object,
    profile: Option<i64>,
    xpath: Option<&str>,
) -> Hit {
    let mut hit = Hit::default();
    let entry_id = text(entry, "id");
    for record in ctx
        .catalog
        .metadata
        .iter()
        .filter(|m| text(m, "objectId") == entry_id)
    {
        let record_profile = int(record, "metadataProfileId");
        if profile.is_some() && profile != record_profile {
            continue;
        }
        for (key, value) in xml_fields(text(record, "xml")) {
            if xpath.is_some_and(|wanted| wanted != key) || !term_matches(item, &value) {
                continue;
            }
            hit.score += 1.0;
            let mut data = json!({
                "xpath": key,
                "metadataProfileId": record_profile,
                "valueText": value,
                "objectType": "KalturaESearchMetadataItemData",
            });
            if item.highlight && !matches!(item.how, Match::Exists | Match::Range) {
                data["highlight"] =
                    highlight_value("metadata.value_text", highlight(&value, &item.term));
            }
            hit.metadata.push(data);
        }
    }
    hit
}

fn category_hit(ctx: &Ctx, item: &Item, entry: &Object, field: &str) -> Hit {
    let mut hit = Hit::default();
    for id in text(entry, "categoriesIds")
        .split(',')
        .filter_map(|id| id.trim().parse().ok())
    {
        let Some(category) = ctx.catalog.category(id) else {
            continue;
        };
        let full_ids = text(category, "fullIds");
        let matched = match field {
            "id" => term_matches(item, &id.to_string()),
            "full_ids" => term_matches(item, full_ids),
            "ancestor_id" => full_ids.split('>').any(|step| term_matches(item, step)),
            "ancestor_name" => text(category, "fullName")
                .split('>')
                .any(|step| term_matches(item, step)),
            _ => term_matches(item, text(category, "name")),
        };
        if matched {
            hit.score += 1.0;
        }
    }
    hit
}

fn cue_point_hit(ctx: &Ctx, item: &Item, entry: &Object, field: Option<&str>) -> Hit {
    let mut hit = Hit::default();
    let entry_id = text(entry, "id");
    for cue in ctx
        .catalog
        .cue_points
        .iter()
        .filter(|c| text(c, "entryId") == entry_id)
    {
        let fields: &[&str] = match field {
            Some("name") => &["name"],
            Some("tags") => &["tags"],
            Some("text") | None => &["text", "name", "tags", "description", "code"],
            Some(_) => &["text"],
        };
        let Some(value) = fields
            .iter()
            .map(|f| text(cue, f))
            .find(|value| term_matches(item, value))
        else {
            continue;
        };
        hit.score += 1.0;
        let mut data = json!({
            "cuePointType": text(cue, "cuePointType"),
            "id": text(cue, "id"),
            "name": text(cue, "name"),
            "text": text(cue, "text"),
            "tags": text(cue, "tags"),
            "startTime": int(cue, "startTime"),
            "endTime": int(cue, "endTime"),
            "objectType": "KalturaESearchCuePointItemData",
        });
        if item.highlight {
            data["highlight"] =
                highlight_value("cue_points.cue_point_text", highlight(value, &item.term));
        }
        hit.cue_points.push(data);
    }
    hit
}

fn order(hits: &mut [(&Object, Hit)], search: &Params) {
    let items = search
        .object("orderBy")
        .map(|order| order.list("orderItems"))
        .unwrap_or_default();
    let keys: Vec<(String, bool)> = items
        .iter()
        .map(Params::from_value)
        .filter_map(|item| {
            let field = item.nonempty("sortField")?;
            let descending = !item
                .text("sortOrder")
                .is_some_and(|order| order.eq_ignore_ascii_case("asc"));
            Some((field, descending))
        })
        .collect();
    hits.sort_by(|(a, hit_a), (b, hit_b)| {
        for (field, descending) in &keys {
            let key = match field.as_str() {
                "name" => {
                    let ordering = text(a, "name")
                        .to_lowercase()
                        .cmp(&text(b, "name").to_lowercase());
                    if ordering.is_ne() {
                        return if *descending {
                            ordering.reverse()
                        } else {
                            ordering
                        };
                    }
                    continue;
                }
                other => sort_key(other),
            };
            let number = |entry: &Object| entry.get(key).and_then(as_float).unwrap_or(0.0);
            let ordering = number(a).total_cmp(&number(b));
            if ordering.is_ne() {
                return if *descending {
                    ordering.reverse()
                } else {
                    ordering
                };
            }
        }
        hit_b
            .score
            .total_cmp(&hit_a.score)
            .then_with(|| int(b, "createdAt").cmp(&int(a, "createdAt")))
            .then_with(|| text(a, "id").cmp(text(b, "id")))
    });
}

fn sort_key(field: &str) -> &'static str {
    match field {
        "created_at" => "createdAt",
        "updated_at" => "updatedAt",
        "start_date" => "startDate",
        "end_date" => "endDate",
        "last_played_at" => "lastPlayedAt",
        "rank" => "rank",
        "votes" => "votes",
        f if f.starts_with("plays") => "plays",
        f if f.starts_with("views") => "views",
        _ => "createdAt",
    }
}

fn result(ctx: &Ctx, entry: &Object, hit: Hit) -> Value {
    let mut items_data = Vec::new();
    for (kind, items) in [
        ("caption", hit.captions),
        ("metadata", hit.metadata),
        ("cue_points", hit.cue_points),
    ] {
        if items.is_empty() {
            continue;
        }
        let total = items.len();
        items_data.push(json!({
            "totalCount": total,
            "items": items.into_iter().take(ITEMS_PER_KIND).collect::<Vec<_>>(),
            "itemsType": kind,
            "objectType": "KalturaESearchItemDataResult",
        }));
    }
    let mut object = json!({
        "object": entries::render(ctx, entry),
        "itemsData": items_data,
        "objectType": "KalturaESearchEntryResult",
    });
    if !hit.highlights.is_empty() {
        let mut grouped: Vec<(String, Vec<Value>)> = Vec::new();
        for (field, value) in hit.highlights {
            let value = json!({"value": value, "objectType": "KalturaString"});
            match grouped.iter_mut().find(|(known, _)| *known == field) {
                Some((_, hits)) => hits.push(value),
                None => grouped.push((field, vec![value])),
            }
        }
        object["highlight"] = Value::Array(
            grouped
                .into_iter()
                .map(|(field, hits)| json!({"fieldName": field, "hits": hits, "objectType": "KalturaESearchHighlight"}))
                .collect(),
        );
    }
    object
}
