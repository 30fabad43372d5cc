//! `get_quality_metrics`: quality of experience from Kaltura's QoE report
//! family (30001–30064): join time, buffering and rebuffer ratio, bitrate,
//! playback errors — overall, over time, or by device, place, browser,
//! player version, entry or ISP. Every figure is Kaltura's.

use super::query::{report_type, Filters};
use super::table::{run_table, AnalyticsTable};
use crate::context::Context;
use crate::kaltura::EntryId;
use crate::mcp::tool::{Tool, ToolError};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    #[default]
    Overview,
    Experience,
    Engagement,
    StreamQuality,
    ErrorTracking,
}

impl Metric {
    fn family(self) -> &'static str {
        match self {
            Metric::Overview => "qoe_overview",
            Metric::Experience => "qoe_experience",
            Metric::Engagement => "qoe_engagement",
            Metric::StreamQuality => "qoe_stream_quality",
            Metric::ErrorTracking => "qoe_error_tracking",
        }
    }
}

/// `dimension` words and the report-name suffix of each QoE variant.
const DIMENSIONS: &[(&str, &str)] = &[
    ("device", "platforms"),
    ("country", "country"),
    ("region", "region"),
    ("city", "city"),
    ("browser", "browsers"),
    ("browser_family", "browsers_families"),
    ("os", "operating_system"),
    ("os_family", "operating_system_families"),
    ("player_version", "player_version"),
    ("entry", "entry"),
    ("isp", "isp"),
];

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// overview (default: plays, errors, buffering, bitrate), experience (join time, buffering, rebuffer ratio), engagement (play-through against quality), stream_quality (bitrate, resolution), error_tracking (errors by type).
    #[serde(default)]
    pub metric: Metric,
    /// Break down by: device, country, region, city, browser, browser_family, os, os_family, player_version, entry, isp. Default: by date.
    pub dimension: Option<String>,
    /// YYYY-MM-DD, last_7_days, last_30_days, last_month, -24h… Default last 30 days.
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    pub entry_id: Option<EntryId>,
    pub category_id: Option<i64>,
    /// Rows, default 50.
    #[schemars(range(min = 1, max = 500))]
    pub limit: Option<u32>,
}

/// The QoE report for a metric family and an optional dimension.
fn report_name(metric: Metric, dimension: Option<&str>) -> Result<String, ToolError> {
    let Some(word) = dimension.map(str::trim).filter(|d| !d.is_empty()) else {
        return Ok(metric.family().to_owned());
    };
    let word = word.to_ascii_lowercase();
    let suffix = DIMENSIONS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, suffix)| *suffix)
        .ok_or_else(|| {
            let names: Vec<&str> = DIMENSIONS.iter().map(|(n, _)| *n).collect();
            ToolError::InvalidArguments(format!(
                "dimension `{word}` is not one of: {}",
                names.join(", ")
            ))
        })?;
    if metric == Metric::Overview {
        return Err(ToolError::InvalidArguments(
            "the overview has no breakdown: choose metric experience, engagement, stream_quality or error_tracking with a dimension".into(),
        ));
    }
    let name = format!("{}_{suffix}", metric.family());
    if crate::tools::analytics::catalog::find(&name).is_none() {
        let available: Vec<&str> = DIMENSIONS
            .iter()
            .filter(|(_, suffix)| {
                crate::tools::analytics::catalog::find(&format!("{}_{suffix}", metric.family()))
                    .is_some()
            })
            .map(|(name, _)| *name)
            .collect();
        return Err(ToolError::InvalidArguments(format!(
            "{} has no breakdown by {word}; it has: {}",
            metric.family(),
            available.join(", ")
        )));
    }
    Ok(name)
}

pub struct GetQualityMetrics;

impl Tool<Context> for GetQualityMetrics {
    const NAME: &'static str = "get_quality_metrics";
    const TITLE: &'static str = "Get quality of experience";
    const DESCRIPTION: &'static str = "Playback quality from Kaltura's QoE reports: join time, buffering and rebuffer ratio, bitrate, playback errors by type; overall, over time, or by device, place, browser, player, entry or ISP.";
    type Args = Args;
    type Output = AnalyticsTable;

    async fn call(ctx: Context, args: Args) -> Result<AnalyticsTable, ToolError> {
        let name = report_name(args.metric, args.dimension.as_deref())?;
        let report = report_type(&name)?;
        let filters = Filters {
            from_date: args.from_date.as_deref(),
            to_date: args.to_date.as_deref(),
            entry_id: args.entry_id.as_ref(),
            category_id: args.category_id,
            ..Filters::default()
        };
        run_table(&ctx, report, &filters, args.limit.unwrap_or(50), None).await
    }

    fn render(answer: &AnalyticsTable) -> String {
        answer.summary()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::analytics::catalog;

    #[test]
    fn every_metric_and_dimension_names_a_real_report() {
        for metric in [
            Metric::Experience,
            Metric::Engagement,
            Metric::StreamQuality,
            Metric::ErrorTracking,
        ] {
            assert!(catalog::find(metric.family()).is_some());
            let mut breakdowns = 0;
            for (dimension, _) in DIMENSIONS {
                match report_name(metric, Some(dimension)) {
                    Ok(name) => {
                        assert!(catalog::find(&name).is_some(), "{name}");
                        breakdowns += 1;
                    }
                    Err(error) => assert!(error.to_string().contains("it has: "), "{error}"),
                }
            }
            assert!(breakdowns >= 6, "{metric:?} has {breakdowns} breakdowns");
        }
        assert!(report_name(Metric::ErrorTracking, Some("country")).is_err());
        assert!(report_name(Metric::Experience, Some("country")).is_ok());
        assert_eq!(report_name(Metric::Overview, None).unwrap(), "qoe_overview");
        assert!(report_name(Metric::Overview, Some("country")).is_err());
        assert!(report_name(Metric::Experience, Some("galaxy")).is_err());
    }
}
