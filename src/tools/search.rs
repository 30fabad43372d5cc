//! `search_entries`: eSearch (`elasticsearch_esearch.searchEntry`) over
//! entry fields, captions, custom metadata and cue points, with the
//! parameter names of the reference server. Unlike it: `*` really lists
//! every entry, caption and cue-point searches reach Kaltura, either date
//! bound works alone, and each hit says what matched (the caption line and
//! its time).

use super::entry_view::EntrySummary;
use super::kaltura_failure;
use crate::context::Context;
use crate::kaltura::api::esearch::{
    self, Item, ItemType, Node, Operator, OrderBy, Query, Range, Target,
};
use crate::kaltura::model::{ESearchEntryResult, ESearchItemData};
use crate::mcp::tool::{Tool, ToolError};
use crate::time::{format_position, parse_utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SearchType {
    /// Entry fields, captions, metadata and cue points together.
    #[default]
    Unified,
    Entry,
    Caption,
    Metadata,
    Cuepoint,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchType {
    #[default]
    Partial,
    ExactMatch,
    StartsWith,
    Exists,
    Range,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BooleanOperator {
    #[default]
    And,
    Or,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    CreatedAt,
    UpdatedAt,
    Name,
    Views,
    Plays,
    LastPlayedAt,
    Rank,
    StartDate,
    EndDate,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    Asc,
    #[default]
    Desc,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomMetadata {
    /// Metadata profile id.
    pub profile_id: Option<i64>,
    /// Field xpath, e.g. `/*[local-name()='metadata']/*[local-name()='Department']`.
    pub xpath: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    /// Created on or after (YYYY-MM-DD, UTC).
    pub after: Option<String>,
    /// Created on or before (YYYY-MM-DD, UTC; the whole day counts).
    pub before: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Words to find. `*` lists all entries. For match_type=range: `FROM..TO` (numbers or dates; either side may be empty).
    pub query: String,
    /// Where to search (default unified: everything).
    #[serde(default)]
    pub search_type: SearchType,
    /// How the query matches (default partial). exists and range need search_type entry, caption, metadata or cuepoint.
    #[serde(default)]
    pub match_type: MatchType,
    /// Field for entry (name, description, tags, reference_id, user_id, created_at, updated_at, plays, views, duration), caption (content, language, label) or cuepoint (text, name, tags) searches.
    pub specific_field: Option<String>,
    /// and: all words (default); or: any word; not: entries that do not match.
    #[serde(default)]
    pub boolean_operator: BooleanOperator,
    /// Return which text matched (default true).
    pub include_highlights: Option<bool>,
    /// For search_type=metadata.
    pub custom_metadata: Option<CustomMetadata>,
    /// Creation date bounds; either alone works.
    pub date_range: Option<DateRange>,
    /// Default 20.
    #[schemars(range(min = 1, max = 100))]
    pub max_results: Option<u32>,
    /// Default: relevance for words, created_at for `*`.
    pub sort_field: Option<SortField>,
    /// Default desc.
    #[serde(default)]
    pub sort_order: SortOrder,
}

/// What matched inside an entry.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Match {
    /// caption, metadata, cuepoint, or the entry field name.
    pub kind: String,
    /// The matching text; `<em>` marks the matched words.
    pub text: String,
    /// Position in the media (`M:SS`), for captions and cue points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption_asset_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    #[serde(flatten)]
    pub entry: EntrySummary,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub matches: Vec<Match>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub query: String,
    pub search_type: SearchType,
    /// All matches in the account; `entries` holds the first `max_results`.
    pub total_count: i64,
    pub entries: Vec<Hit>,
}

/// Matches shown per entry: enough to see why it matched.
const MATCHES_PER_ENTRY: usize = 3;

pub struct SearchEntries;

impl Tool<Context> for SearchEntries {
    const NAME: &'static str = "search_entries";
    const TITLE: &'static str = "Search entries";
    const DESCRIPTION: &'static str = "Searches the account's media with Kaltura eSearch: titles, descriptions, tags, caption text, custom metadata and cue points. Returns entries with the text that matched (caption lines with their time). Use query `*` to list entries, newest first.";
    type Args = Args;
    type Output = SearchResults;

    async fn call(ctx: Context, args: Args) -> Result<SearchResults, ToolError> {
        let query = build_query(&args)?;
        let order = order_of(&args);
        let size = args.max_results.unwrap_or(20).clamp(1, 100);
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let response = client
            .call(esearch::search_entries(&query, &order, size, 1))
            .await
            .map_err(kaltura_failure)?;
        let entries: Vec<Hit> = response.objects.iter().map(hit).collect();
        Ok(SearchResults {
            query: args.query,
            search_type: args.search_type,
            total_count: response.total_count.unwrap_or(entries.len() as i64),
            entries,
        })
    }

    fn render(results: &SearchResults) -> String {
        if results.entries.is_empty() {
            return format!(
                "No entries match \"{}\" ({:?} search). Try fewer or other words, search_type unified, or query `*` to list everything.",
                results.query, results.search_type
            );
        }
        let mut text = format!(
            "{} of {} entries matching \"{}\":",
            results.entries.len(),
            results.total_count,
            results.query
        );
        for hit in &results.entries {
            text.push_str("\n- ");
            text.push_str(&hit.entry.line());
            for found in &hit.matches {
                let at = found
                    .at
                    .as_deref()
                    .map(|at| format!(" at {at}"))
                    .unwrap_or_default();
                text.push_str(&format!("\n    {}{at}: {}", found.kind, found.text));
            }
        }
        text
    }
}

fn invalid(message: impl Into<String>) -> ToolError {
    ToolError::InvalidArguments(message.into())
}

/// The operator tree: AND of the query part and the date bounds.
fn build_query(args: &Args) -> Result<Query, ToolError> {
    let term = args.query.trim();
    if term.is_empty() {
        return Err(invalid(
            "`query` is empty: give words to find, or `*` to list all entries",
        ));
    }
    let highlight = args.include_highlights.unwrap_or(true);
    let mut items = Vec::new();
    if term == "*" {
        if args.boolean_operator == BooleanOperator::Not {
            return Err(invalid(
                "`not` with `*` would match nothing: give words to exclude",
            ));
        }
        // Every entry has an id: an exists query on it lists them all.
        items.push(Node::Item(Item {
            target: Target::Entry("id".into()),
            item_type: ItemType::Exists,
            search_term: None,
            range: None,
            add_highlight: false,
        }));
    } else {
        items.push(query_node(args, term, highlight)?);
    }
    if let Some(dates) = &args.date_range {
        items.push(Node::Item(date_item(dates)?));
    }
    Ok(Query {
        operator: Operator::And,
        items,
    })
}

/// The query words as items under the chosen boolean operator.
fn query_node(args: &Args, term: &str, highlight: bool) -> Result<Node, ToolError> {
    let target = target_of(args)?;
    let item_type = match args.match_type {
        MatchType::Partial => ItemType::Partial,
        MatchType::ExactMatch => ItemType::ExactMatch,
        MatchType::StartsWith => ItemType::StartsWith,
        MatchType::Exists => ItemType::Exists,
        MatchType::Range => ItemType::Range,
    };
    if target == Target::Unified && matches!(item_type, ItemType::Exists | ItemType::Range) {
        return Err(invalid(
            "match_type exists and range need a field: set search_type to entry, caption, metadata or cuepoint (and specific_field)",
        ));
    }
    let item = |word: &str| -> Result<Item, ToolError> {
        let (search_term, range) = match item_type {
            ItemType::Exists => (None, None),
            ItemType::Range => (None, Some(parse_range(word)?)),
            _ => (Some(word.to_owned()), None),
        };
        Ok(Item {
            target: target.clone(),
            item_type,
            search_term,
            range,
            add_highlight: highlight,
        })
    };
    Ok(match args.boolean_operator {
        BooleanOperator::And => Node::Item(item(term)?),
        BooleanOperator::Or => Node::Query(Query {
            operator: Operator::Or,
            items: term
                .split_whitespace()
                .map(|word| item(word).map(Node::Item))
                .collect::<Result<_, _>>()?,
        }),
        BooleanOperator::Not => Node::Query(Query {
            operator: Operator::Not,
            items: vec![Node::Item(item(term)?)],
        }),
    })
}

fn target_of(args: &Args) -> Result<Target, ToolError> {
    let field = args
        .specific_field
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty());
    let pick = |allowed: &[(&str, &str)], default: &str| -> Result<String, ToolError> {
        let Some(field) = field else {
            return Ok(default.to_owned());
        };
        allowed
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(field))
            .map(|(_, wire)| (*wire).to_owned())
            .ok_or_else(|| {
                let names: Vec<&str> = allowed.iter().map(|(name, _)| *name).collect();
                invalid(format!(
                    "specific_field `{field}` is not searchable with search_type {:?}; use one of: {}",
                    args.search_type,
                    names.join(", ")
                ))
            })
    };
    Ok(match args.search_type {
        SearchType::Unified => Target::Unified,
        SearchType::Entry => Target::Entry(pick(ENTRY_FIELDS, "name")?),
        SearchType::Caption => Target::Caption(pick(CAPTION_FIELDS, "content")?),
        SearchType::Cuepoint => Target::CuePoint(pick(CUE_POINT_FIELDS, "text")?),
        SearchType::Metadata => {
            let metadata = args.custom_metadata.as_ref();
            Target::Metadata {
                profile_id: metadata.and_then(|m| m.profile_id),
                xpath: metadata
                    .and_then(|m| m.xpath.clone())
                    .filter(|x| !x.trim().is_empty()),
            }
        }
    })
}

/// Our field names → `KalturaESearchEntryFieldName`.
const ENTRY_FIELDS: &[(&str, &str)] = &[
    ("name", "name"),
    ("description", "description"),
    ("tags", "tags"),
    ("reference_id", "reference_id"),
    ("id", "id"),
    ("user_id", "kuser_id"),
    ("creator_id", "creator_kuser_id"),
    ("created_at", "created_at"),
    ("updated_at", "updated_at"),
    ("last_played_at", "last_played_at"),
    ("plays", "plays"),
    ("views", "views"),
    ("duration", "length_in_msecs"),
    ("start_date", "start_date"),
    ("end_date", "end_date"),
];

/// `KalturaESearchCaptionFieldName`.
const CAPTION_FIELDS: &[(&str, &str)] = &[
    ("content", "content"),
    ("language", "language"),
    ("label", "label"),
];

/// `KalturaESearchCuePointFieldName`.
const CUE_POINT_FIELDS: &[(&str, &str)] = &[("text", "text"), ("name", "name"), ("tags", "tags")];

/// `FROM..TO` with numbers or dates (dates become unix seconds).
fn parse_range(text: &str) -> Result<Range, ToolError> {
    let (low, high) = text.split_once("..").ok_or_else(|| {
        invalid(format!(
            "a range query looks like `FROM..TO` (either side may be empty), got `{text}`"
        ))
    })?;
    let bound = |side: &str| -> Result<Option<i64>, ToolError> {
        let side = side.trim();
        if side.is_empty() {
            return Ok(None);
        }
        side.parse::<i64>()
            .ok()
            .or_else(|| parse_utc(side))
            .map(Some)
            .ok_or_else(|| {
                invalid(format!(
                    "range bound `{side}` is neither a number nor a YYYY-MM-DD date"
                ))
            })
    };
    let range = Range {
        greater_than_or_equal: bound(low)?,
        less_than_or_equal: bound(high)?,
    };
    if range.greater_than_or_equal.is_none() && range.less_than_or_equal.is_none() {
        return Err(invalid(
            "a range needs at least one bound, e.g. `100..` or `..2025-06-30`",
        ));
    }
    Ok(range)
}

fn date_item(dates: &DateRange) -> Result<Item, ToolError> {
    let day = |label: &str, text: &Option<String>| -> Result<Option<i64>, ToolError> {
        match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => Ok(None),
            Some(text) => parse_utc(text).map(Some).ok_or_else(|| {
                invalid(format!(
                    "date_range.{label} must be YYYY-MM-DD, got `{text}`"
                ))
            }),
        }
    };
    let after = day("after", &dates.after)?;
    // A bare `before` day includes that whole day.
    let before = day("before", &dates.before)?.map(|start| {
        let is_bare_day = dates
            .before
            .as_deref()
            .is_some_and(|b| b.trim().len() == 10);
        if is_bare_day {
            start + 86_399
        } else {
            start
        }
    });
    if after.is_none() && before.is_none() {
        return Err(invalid(
            "date_range needs `after`, `before`, or both (YYYY-MM-DD)",
        ));
    }
    if let (Some(after), Some(before)) = (after, before) {
        if after > before {
            return Err(invalid("date_range.after is later than date_range.before"));
        }
    }
    Ok(Item {
        target: Target::Entry("created_at".into()),
        item_type: ItemType::Range,
        search_term: None,
        range: Some(Range {
            greater_than_or_equal: after,
            less_than_or_equal: before,
        }),
        add_highlight: false,
    })
}

fn order_of(args: &Args) -> Vec<OrderBy> {
    let field = match (args.sort_field, args.query.trim() == "*") {
        (Some(field), _) => field,
        (None, true) => SortField::CreatedAt,
        // Words: Kaltura's relevance order.
        (None, false) => return Vec::new(),
    };
    let wire = match field {
        SortField::CreatedAt => "created_at",
        SortField::UpdatedAt => "updated_at",
        SortField::Name => "name",
        SortField::Views => "views",
        SortField::Plays => "plays",
        SortField::LastPlayedAt => "last_played_at",
        SortField::Rank => "rank",
        SortField::StartDate => "start_date",
        SortField::EndDate => "end_date",
    };
    vec![OrderBy {
        field: wire.into(),
        descending: args.sort_order == SortOrder::Desc,
    }]
}

fn hit(result: &ESearchEntryResult) -> Hit {
    let mut matches: Vec<Match> = Vec::new();
    for group in &result.items_data {
        for item in &group.items {
            matches.push(inner_match(group.items_type.as_deref(), item));
        }
    }
    for highlight in &result.highlight {
        let field = highlight.field_name.clone().unwrap_or_default();
        // Inner hits already show caption and cue point text with times.
        if field.starts_with("caption") || field.starts_with("cue_points") {
            continue;
        }
        for found in &highlight.hits {
            matches.push(Match {
                kind: field.clone(),
                text: found.value.clone(),
                at: None,
                start_ms: None,
                language: None,
                caption_asset_id: None,
            });
        }
    }
    matches.truncate(MATCHES_PER_ENTRY);
    Hit {
        entry: EntrySummary::from_entry(&result.object),
        matches,
    }
}

fn inner_match(kind: Option<&str>, item: &ESearchItemData) -> Match {
    let highlighted = item
        .highlight
        .iter()
        .flat_map(|h| h.hits.iter())
        .map(|hit| hit.value.clone())
        .next();
    let (kind, text, start_ms) = match kind {
        Some("caption") => ("caption", item.line.clone(), item.starts_at),
        Some("cue_points") => (
            "cuepoint",
            item.text.clone().or_else(|| item.name.clone()),
            item.start_time,
        ),
        _ => (
            "metadata",
            item.value_text
                .clone()
                .or_else(|| item.value_int.map(|n| n.to_string()))
                .map(|value| match &item.xpath {
                    Some(xpath) => {
                        format!("{}: {value}", xpath.rsplit('\'').nth(1).unwrap_or(xpath))
                    }
                    None => value,
                }),
            None,
        ),
    };
    Match {
        kind: kind.into(),
        text: highlighted.or(text).unwrap_or_default(),
        at: start_ms.map(format_position),
        start_ms,
        language: item.language.clone(),
        caption_asset_id: item.caption_asset_id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn args(value: Value) -> Args {
        serde_json::from_value(value).unwrap()
    }

    fn query_json(value: Value) -> Value {
        build_query(&args(value)).unwrap().to_value()
    }

    #[test]
    fn star_lists_everything_instead_of_searching_a_letter() {
        let query = query_json(json!({"query": "*"}));
        let item = &query["searchItems"][0];
        assert_eq!(item["objectType"], "KalturaESearchEntryItem");
        assert_eq!(item["fieldName"], "id");
        assert_eq!(item["itemType"], 4);
        assert!(item.get("searchTerm").is_none());
        let order = order_of(&args(json!({"query": "*"})));
        assert_eq!(order[0].field, "created_at");
        assert!(order[0].descending);
    }

    #[test]
    fn caption_and_cue_point_searches_build_real_items() {
        let caption = query_json(json!({"query": "quarterly revenue", "search_type": "caption"}));
        assert_eq!(
            caption["searchItems"][0]["objectType"],
            "KalturaESearchCaptionItem"
        );
        assert_eq!(caption["searchItems"][0]["fieldName"], "content");
        assert_eq!(caption["searchItems"][0]["addHighlight"], true);
        let cue = query_json(
            json!({"query": "intro", "search_type": "cuepoint", "specific_field": "name"}),
        );
        assert_eq!(
            cue["searchItems"][0]["objectType"],
            "KalturaESearchCuePointItem"
        );
        assert_eq!(cue["searchItems"][0]["fieldName"], "name");
    }

    #[test]
    fn either_date_bound_works_alone() {
        let after = query_json(json!({"query": "*", "date_range": {"after": "2025-01-01"}}));
        let range = &after["searchItems"][1]["range"];
        assert_eq!(range["greaterThanOrEqual"], 1_735_689_600);
        assert!(range.get("lessThanOrEqual").is_none());
        let before = query_json(json!({"query": "*", "date_range": {"before": "2025-01-01"}}));
        assert_eq!(
            before["searchItems"][1]["range"]["lessThanOrEqual"],
            1_735_689_600 + 86_399
        );
        let error = build_query(&args(
            json!({"query": "*", "date_range": {"after": "01/02/2025"}}),
        ))
        .unwrap_err();
        assert!(error.to_string().contains("YYYY-MM-DD"));
    }

    #[test]
    fn operators_shape_the_tree() {
        let or = query_json(json!({"query": "kubernetes security", "boolean_operator": "or"}));
        assert_eq!(or["searchItems"][0]["operator"], 2);
        assert_eq!(
            or["searchItems"][0]["searchItems"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        let not = query_json(json!({"query": "draft", "boolean_operator": "not"}));
        assert_eq!(not["searchItems"][0]["operator"], 3);
    }

    #[test]
    fn impossible_combinations_are_explained_before_any_call() {
        for bad in [
            json!({"query": " "}),
            json!({"query": "x", "match_type": "exists"}),
            json!({"query": "x", "search_type": "entry", "specific_field": "colour"}),
            json!({"query": "1..2", "search_type": "entry", "specific_field": "plays", "match_type": "range", "date_range": {}}),
            json!({"query": "*", "boolean_operator": "not"}),
            json!({"query": "abc", "search_type": "entry", "specific_field": "plays", "match_type": "range"}),
        ] {
            let error = build_query(&args(bad.clone())).unwrap_err();
            assert!(
                matches!(error, ToolError::InvalidArguments(_)),
                "{bad}: {error}"
            );
        }
        let range = query_json(
            json!({"query": "100..", "search_type": "entry", "specific_field": "plays", "match_type": "range"}),
        );
        assert_eq!(range["searchItems"][0]["range"]["greaterThanOrEqual"], 100);
        assert_eq!(range["searchItems"][0]["fieldName"], "plays");
    }

    #[test]
    fn hits_tolerate_absent_inner_data_and_show_caption_times() {
        let bare: ESearchEntryResult =
            serde_json::from_value(json!({"object": {"id": "0_abcdefgh"}})).unwrap();
        assert!(hit(&bare).matches.is_empty());
        let with_caption: ESearchEntryResult = serde_json::from_value(json!({
            "object": {"id": "0_abcdefgh", "name": "Talk"},
            "itemsData": [{"itemsType": "caption", "items": [
                {"line": "container orchestration basics", "startsAt": 83_000, "language": "English",
                 "captionAssetId": "0_cccccccc",
                 "highlight": [{"hits": [{"value": "<em>container</em> orchestration basics"}]}]}
            ]}]
        }))
        .unwrap();
        let found = &hit(&with_caption).matches[0];
        assert_eq!(found.kind, "caption");
        assert_eq!(found.at.as_deref(), Some("1:23"));
        assert_eq!(found.text, "<em>container</em> orchestration basics");
    }
}
