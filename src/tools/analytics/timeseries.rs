//! `get_analytics_timeseries`: a report's metrics per hour, day or month
//! from `report.getGraphs` (with the totals in the same round trip), as
//! (date, value) series ready to chart.

use super::dates::{DateRange, Interval};
use super::query::{report_type, Filters, ReportRef};
use super::report::{parse_graphs, Series, Totals};
use crate::context::Context;
use crate::kaltura::api::report;
use crate::kaltura::{EntryId, MultiRequest};
use crate::mcp::tool::{Tool, ToolError};
use crate::tools::kaltura_failure;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Report name, default top_content (plays, viewers, time viewed…); see list_analytics_capabilities.
    pub report_type: Option<String>,
    /// YYYY-MM-DD, today, yesterday, last_7_days, last_30_days, last_month, or -24h / -7d. Default last 30 days.
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    /// Default days; hours covers at most 31 days.
    #[serde(default)]
    pub interval: Interval,
    pub entry_id: Option<EntryId>,
    pub category_id: Option<i64>,
    pub user_id: Option<String>,
    /// Kaltura graph dimension, passed through (e.g. `device`).
    pub dimension: Option<String>,
    /// Only these metrics (e.g. ["count_plays"]); default all.
    pub metrics: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TimeSeries {
    pub report: ReportRef,
    pub range: DateRange,
    pub interval: Interval,
    /// One series per metric; dates are ISO (2026-11-01, 2026-11, 2026-11-01T13:00).
    pub series: Vec<Series>,
    pub totals: Totals,
}

pub struct GetAnalyticsTimeseries;

impl Tool<Context> for GetAnalyticsTimeseries {
    const NAME: &'static str = "get_analytics_timeseries";
    const TITLE: &'static str = "Get analytics time series";
    const DESCRIPTION: &'static str = "A report's metrics over time (per hour, day or month) as date/value series ready to chart, with totals. Filter by entry, category or user.";
    type Args = Args;
    type Output = TimeSeries;

    async fn call(ctx: Context, args: Args) -> Result<TimeSeries, ToolError> {
        let report = report_type(args.report_type.as_deref().unwrap_or("top_content"))?;
        let filters = Filters {
            from_date: args.from_date.as_deref(),
            to_date: args.to_date.as_deref(),
            interval: args.interval,
            entry_id: args.entry_id.as_ref(),
            category_id: args.category_id,
            user_id: args.user_id.as_deref(),
            ..Filters::default()
        };
        let resolved = filters.resolve(&ctx, report)?;
        let dimension = args
            .dimension
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let objects = resolved.object_ids.as_deref();
        let mut batch = MultiRequest::new();
        let graphs = batch.add(report::graphs(
            report.id,
            &resolved.filter,
            dimension,
            objects,
        ));
        let total = batch.add(report::total(report.id, &resolved.filter, objects));
        let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
        let mut series = parse_graphs(&answers.take(graphs).map_err(kaltura_failure)?);
        let totals = answers
            .take(total)
            .map(|total| Totals::parse(&total))
            .unwrap_or_default();
        if let Some(wanted) = &args.metrics {
            let available: Vec<String> = series.iter().map(|s| s.metric.clone()).collect();
            if let Some(unknown) = wanted.iter().find(|m| !available.contains(m)) {
                return Err(ToolError::InvalidArguments(format!(
                    "metric `{unknown}` is not in {}'s series; it has: {}",
                    report.name,
                    available.join(", ")
                )));
            }
            series.retain(|s| wanted.contains(&s.metric));
        }
        Ok(TimeSeries {
            report: ReportRef::of(report),
            range: resolved.range,
            interval: args.interval,
            series,
            totals,
        })
    }

    fn render(answer: &TimeSeries) -> String {
        let mut text = format!(
            "{} by {}, {} to {} {}:",
            answer.report.name,
            answer.interval.wire().trim_end_matches('s'),
            &answer.range.from[..10],
            &answer.range.to[..10],
            answer.range.time_zone
        );
        for series in &answer.series {
            let total: f64 = series.points.iter().map(|p| p.value).sum();
            let peak = series
                .points
                .iter()
                .max_by(|a, b| a.value.total_cmp(&b.value));
            text.push_str(&format!(
                "\n- {}: {} points, sum {}{}",
                series.metric,
                series.points.len(),
                trim(total),
                peak.map(|p| format!(", peak {} on {}", trim(p.value), p.date))
                    .unwrap_or_default()
            ));
        }
        if answer.series.is_empty() {
            text.push_str(" no data.");
        }
        text
    }
}

fn trim(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value:.2}")
    }
}
