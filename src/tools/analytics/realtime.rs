//! `get_realtime_metrics`: the realtime report family (10001–10016) over
//! the last hours: viewers, plays, buffering and bitrate now.

use super::catalog::ReportCategory;
use super::dates::DateRange;
use super::query::{report_type, Bucket, Filters};
use super::table::{run_resolved, AnalyticsTable};
use crate::context::Context;
use crate::kaltura::EntryId;
use crate::mcp::tool::{Tool, ToolError};
use crate::platform::Clock;
use crate::time::format_utc;
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// A realtime report: users_overview_realtime (default), qos_overview_realtime, platforms_realtime, map_overlay_country_realtime, content_realtime, playback_type_realtime…
    pub report_type: Option<String>,
    pub entry_id: Option<EntryId>,
    /// How many past minutes, default 30.
    #[schemars(range(min = 1, max = 1440))]
    pub minutes: Option<u32>,
}

pub struct GetRealtimeMetrics;

impl Tool<Context> for GetRealtimeMetrics {
    const NAME: &'static str = "get_realtime_metrics";
    const TITLE: &'static str = "Get realtime metrics";
    const DESCRIPTION: &'static str = "Live viewing now: viewers, plays, buffering and bitrate over the last minutes, overall or by device, place or entry (Kaltura's realtime reports).";
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
        let minutes = i64::from(args.minutes.unwrap_or(30).clamp(1, 1440));
        let now = ctx.ports.clock.now_secs() as i64;
        let range = DateRange {
            from: format_utc(now - minutes * 60),
            to: format_utc(now),
            time_zone: "UTC".into(),
            from_unix: now - minutes * 60,
            to_unix: now,
            note: None,
        };
        let filters = Filters {
            entry_id: args.entry_id.as_ref(),
            ..Filters::default()
        };
        let resolved = filters.resolve_in(report, range, Bucket::Exact("ten_minutes"))?;
        run_resolved(&ctx, report, resolved, 100, None).await
    }

    fn render(answer: &AnalyticsTable) -> String {
        answer.summary()
    }
}
