//! `get_realtime_metrics`: the realtime report family (10001–10016) over
//! the last hours: viewers, plays, buffering and bitrate now.

use super::catalog::ReportCategory;
use super::query::{report_type, Filters};
use super::table::{run_table, AnalyticsTable};
use crate::context::Context;
use crate::kaltura::EntryId;
use crate::mcp::tool::{Tool, ToolError};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// A realtime report: users_overview_realtime (default), qos_overview_realtime, platforms_realtime, map_overlay_country_realtime, content_realtime, playback_type_realtime…
    pub report_type: Option<String>,
    pub entry_id: Option<EntryId>,
    /// How many past hours, default 1.
    #[schemars(range(min = 1, max = 24))]
    pub hours: Option<u32>,
}

pub struct GetRealtimeMetrics;

impl Tool<Context> for GetRealtimeMetrics {
    const NAME: &'static str = "get_realtime_metrics";
    const TITLE: &'static str = "Get realtime metrics";
    const DESCRIPTION: &'static str = "Live viewing now: viewers, plays, buffering and bitrate over the last hours, overall or by device, place or entry (Kaltura's realtime reports).";
    type Args = Args;
    type Output = AnalyticsTable;

    async fn call(ctx: Context, args: Args) -> Result<AnalyticsTable, ToolError> {
        let key = args
            .report_type
            .as_deref()
            .unwrap_or("users_overview_realtime");
        let report = report_type(key)?;
        if report.category != ReportCategory::Realtime {
            return Err(ToolError::InvalidArguments(format!(
                "{} is not a realtime report; use get_analytics for it, or a *_realtime report here",
                report.name
            )));
        }
        let from = format!("-{}h", args.hours.unwrap_or(1).clamp(1, 24));
        let filters = Filters {
            from_date: Some(&from),
            interval: super::dates::Interval::Hours,
            entry_id: args.entry_id.as_ref(),
            ..Filters::default()
        };
        run_table(&ctx, report, &filters, 100, None).await
    }

    fn render(answer: &AnalyticsTable) -> String {
        answer.summary()
    }
}
