//! `get_analytics`: one report as a typed table (numbers as numbers, date
//! ids as ISO dates) with its total row count and its totals, from
//! `report.getTable` and `report.getTotal` in one round trip.

use super::catalog::ReportType;
use super::dates::DateRange;
use super::query::{report_type, Filters, ReportRef};
use super::report::{Cell, Column, Table, Totals};
use crate::context::Context;
use crate::kaltura::api::{report, Pager};
use crate::kaltura::{EntryId, MultiRequest};
use crate::mcp::exchange::LogLevel;
use crate::mcp::tool::{Tool, ToolError};
use crate::tools::kaltura_failure;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Report name (top_content, platforms, map_overlay_country, user_engagement, qoe_overview…; see list_analytics_capabilities). Default top_content, or the report grouped by `dimension`.
    pub report_type: Option<String>,
    /// YYYY-MM-DD, today, yesterday, last_7_days, last_30_days, last_month, or -24h / -7d. Default last 30 days.
    pub from_date: Option<String>,
    /// End (inclusive); default today.
    pub to_date: Option<String>,
    pub entry_id: Option<EntryId>,
    pub category_id: Option<i64>,
    /// One viewer's user id.
    pub user_id: Option<String>,
    /// Group by: entry, user, country, region, city, device, os, browser, source.
    pub dimension: Option<String>,
    /// Rows, default 50.
    #[schemars(range(min = 1, max = 500))]
    pub limit: Option<u32>,
    /// A column, `-` for descending: `-count_plays`.
    pub order_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnalyticsTable {
    pub report: ReportRef,
    pub range: DateRange,
    pub columns: Vec<Column>,
    /// One array per row, cells in `columns` order.
    pub rows: Vec<Vec<Cell>>,
    /// Rows in the whole report; `rows` holds the first `limit`.
    pub total_count: i64,
    /// The report's totals over the range.
    pub totals: Totals,
}

/// `dimension` words and the report grouped by each.
const DIMENSION_REPORTS: &[(&str, &str)] = &[
    ("entry", "top_content"),
    ("content", "top_content"),
    ("user", "user_engagement"),
    ("country", "map_overlay_country"),
    ("region", "map_overlay_region"),
    ("city", "map_overlay_city"),
    ("device", "platforms"),
    ("platform", "platforms"),
    ("os", "operating_system"),
    ("operating_system", "operating_system"),
    ("browser", "browsers"),
    ("source", "top_sources"),
    ("playback_context", "top_playback_context"),
];

/// The report to run: `report_type`, or the one `dimension` names;
/// a dimension the chosen report does not group by is an error, never
/// silently ignored.
fn choose_report(
    key: Option<&str>,
    dimension: Option<&str>,
) -> Result<&'static ReportType, ToolError> {
    let dimension = dimension
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| !d.is_empty());
    let by_dimension = match &dimension {
        None => None,
        Some(word) => Some(
            DIMENSION_REPORTS
                .iter()
                .find(|(name, _)| name == word)
                .map(|(_, report)| *report)
                .ok_or_else(|| {
                    let names: Vec<&str> = DIMENSION_REPORTS.iter().map(|(n, _)| *n).collect();
                    ToolError::InvalidArguments(format!(
                        "dimension `{word}` is not one of: {}",
                        names.join(", ")
                    ))
                })?,
        ),
    };
    let key = key.map(str::trim).filter(|k| !k.is_empty());
    match (key, by_dimension) {
        (None, None) => report_type("top_content"),
        (None, Some(name)) => report_type(name),
        (Some(key), None) => report_type(key),
        (Some(key), Some(name)) => {
            let report = report_type(key)?;
            let wanted = report_type(name)?;
            let word = dimension.unwrap_or_default();
            let grouped = report.name == wanted.name
                || report
                    .dimensions
                    .iter()
                    .any(|column| column.contains(word.as_str()));
            if grouped {
                Ok(report)
            } else {
                Err(ToolError::InvalidArguments(format!(
                    "{} is grouped by {}, not {word}; for {word} use report_type {} (or leave report_type out)",
                    report.name,
                    report.dimensions.join(", "),
                    wanted.name
                )))
            }
        }
    }
}

fn check_order(order: Option<&str>) -> Result<Option<String>, ToolError> {
    let Some(order) = order.map(str::trim).filter(|o| !o.is_empty()) else {
        return Ok(None);
    };
    let column = order.trim_start_matches(['+', '-']);
    let valid = !column.is_empty()
        && column
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid {
        return Err(ToolError::InvalidArguments(format!(
            "order_by must be a column name with an optional + or -, e.g. -count_plays; got `{order}`"
        )));
    }
    Ok(Some(order.to_owned()))
}

pub struct GetAnalytics;

impl Tool<Context> for GetAnalytics {
    const NAME: &'static str = "get_analytics";
    const TITLE: &'static str = "Get analytics report";
    const DESCRIPTION: &'static str = "Runs a Kaltura analytics report over a date range and returns a typed table (top content, viewers, devices, places, …) with totals. Filter by entry, category or user.";
    type Args = Args;
    type Output = AnalyticsTable;

    async fn call(ctx: Context, args: Args) -> Result<AnalyticsTable, ToolError> {
        let report = choose_report(args.report_type.as_deref(), args.dimension.as_deref())?;
        let order = check_order(args.order_by.as_deref())?;
        let filters = Filters {
            from_date: args.from_date.as_deref(),
            to_date: args.to_date.as_deref(),
            entry_id: args.entry_id.as_ref(),
            category_id: args.category_id,
            user_id: args.user_id.as_deref(),
            ..Filters::default()
        };
        run_table(
            &ctx,
            report,
            &filters,
            args.limit.unwrap_or(50),
            order.as_deref(),
        )
        .await
    }

    fn render(answer: &AnalyticsTable) -> String {
        answer.summary()
    }
}

impl AnalyticsTable {
    /// The text rendering: range, totals and the first rows.
    pub fn summary(&self) -> String {
        let answer = self;
        let mut text = format!(
            "{} ({}), {} to {} {}: {} rows",
            answer.report.name,
            answer.report.id,
            &answer.range.from[..10],
            &answer.range.to[..10],
            answer.range.time_zone,
            answer.total_count
        );
        if !answer.totals.values.is_empty() {
            let totals: Vec<String> = answer
                .totals
                .values
                .iter()
                .map(|(name, value)| format!("{name} {}", cell_text(value)))
                .collect();
            text.push_str(&format!("\nTotals: {}", totals.join(", ")));
        }
        text.push_str(&markdown(&answer.columns, &answer.rows, 20));
        text
    }
}

/// Runs `report` as a table plus totals in one round trip: what every
/// table-shaped analytics tool answers.
pub async fn run_table(
    ctx: &Context,
    report: &ReportType,
    filters: &Filters<'_>,
    limit: u32,
    order: Option<&str>,
) -> Result<AnalyticsTable, ToolError> {
    let resolved = filters.resolve(ctx, report)?;
    run_resolved(ctx, report, resolved, limit, order).await
}

/// Runs `report` over an already resolved filter (see [`run_table`]).
pub async fn run_resolved(
    ctx: &Context,
    report: &ReportType,
    resolved: super::query::Resolved,
    limit: u32,
    order: Option<&str>,
) -> Result<AnalyticsTable, ToolError> {
    let client = ctx.kaltura().map_err(kaltura_failure)?;
    let objects = resolved.object_ids.as_deref();
    let mut batch = MultiRequest::new();
    let table = batch.add(report::table(
        report.id,
        &resolved.filter,
        Pager::first(limit.clamp(1, 500)),
        order,
        objects,
    ));
    let total = batch.add(report::total(report.id, &resolved.filter, objects));
    ctx.progress(
        0,
        2,
        &format!("Asking Kaltura for the {} report", report.name),
    );
    let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
    ctx.progress(1, 2, "Reading the report");
    let table = Table::parse(&answers.take(table).map_err(kaltura_failure)?);
    // Some reports have no totals; the table stands without them.
    let totals = answers
        .take(total)
        .map(|total| Totals::parse(&total))
        .unwrap_or_default();
    let summary = format!(
        "{}: {} of {} rows in one round trip",
        report.name,
        table.rows.len(),
        table.total_count.unwrap_or(table.rows.len() as i64)
    );
    ctx.log(LogLevel::Debug, &summary).await;
    ctx.progress(2, 2, "Done");
    Ok(AnalyticsTable {
        report: ReportRef::of(report),
        range: resolved.range,
        total_count: table.total_count.unwrap_or(table.rows.len() as i64),
        columns: table.columns,
        rows: table.rows,
        totals,
    })
}

pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Integer(n) => n.to_string(),
        Cell::Number(x) => format!("{x:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned(),
        Cell::Text(text) => text.clone(),
        Cell::Null => String::new(),
    }
}

/// The first `max` rows as a Markdown table.
pub fn markdown(columns: &[Column], rows: &[Vec<Cell>], max: usize) -> String {
    if columns.is_empty() || rows.is_empty() {
        return "\nNo data for this range and filter.".into();
    }
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let mut text = format!(
        "\n| {} |\n|{}",
        names.join(" | "),
        "---|".repeat(names.len())
    );
    for row in rows.iter().take(max) {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        text.push_str(&format!("\n| {} |", cells.join(" | ")));
    }
    if rows.len() > max {
        text.push_str(&format!(
            "\n… {} more rows in structuredContent",
            rows.len() - max
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dimension_picks_or_checks_the_report() {
        assert_eq!(choose_report(None, None).unwrap().name, "top_content");
        assert_eq!(
            choose_report(None, Some("country")).unwrap().name,
            "map_overlay_country"
        );
        assert_eq!(
            choose_report(Some("content"), None).unwrap().name,
            "top_content"
        );
        assert_eq!(
            choose_report(Some("map_overlay_city"), Some("city"))
                .unwrap()
                .name,
            "map_overlay_city"
        );
        let mismatch = choose_report(Some("top_content"), Some("device")).unwrap_err();
        assert!(mismatch.to_string().contains("platforms"), "{mismatch}");
        assert!(choose_report(None, Some("planet")).is_err());
        assert!(choose_report(Some("no_such_report"), None).is_err());
    }

    #[test]
    fn order_by_is_a_column_name() {
        assert_eq!(
            check_order(Some("-count_plays")).unwrap().as_deref(),
            Some("-count_plays")
        );
        assert_eq!(check_order(None).unwrap(), None);
        assert!(check_order(Some("count_plays; drop")).is_err());
    }
}
