//! `get_video_retention`: an entry's retention curve from the PERCENTILES
//! report (viewers who reached each percent of the video), with the
//! steepest drop-offs and the average share watched. The entry's duration
//! comes in the same round trip, to put times on the percentiles.

use super::dates::DateRange;
use super::query::{report_type, Filters};
use super::report::Table;
use crate::context::Context;
use crate::kaltura::api::{media, report, Pager};
use crate::kaltura::{EntryId, MultiRequest};
use crate::mcp::tool::{Tool, ToolError};
use crate::time::format_position;
use crate::tools::{entry_not_found, kaltura_failure, not_found_or};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub entry_id: EntryId,
    /// YYYY-MM-DD, last_7_days, last_30_days, last_month, -7d… Default last 30 days.
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    /// Only this viewer's plays.
    pub user_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RetentionPoint {
    pub percentile: u32,
    /// Position in the video (`M:SS`), when its duration is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    pub viewers: f64,
    /// Share of starting viewers still watching, in percent.
    pub retention: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DropOff {
    /// Where the drop starts (percentile and time).
    pub from_percentile: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Percentage points of the audience lost over the next 5 percentiles.
    pub lost: f64,
}

impl DropOff {
    /// `12.5 points lost from 40% (2:13)`.
    pub fn describe(&self) -> String {
        let at = self
            .at
            .as_deref()
            .map(|at| format!(" ({at})"))
            .unwrap_or_default();
        format!(
            "{:.1} points lost from {}%{at}",
            self.lost, self.from_percentile
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    pub entry_id: String,
    pub entry_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<i64>,
    pub range: DateRange,
    /// Viewers who started (percentile 0).
    pub starting_viewers: f64,
    /// Mean retention over the video: the average share of it watched, percent.
    pub average_share_watched: f64,
    /// Share of starting viewers who reached the end, percent.
    pub completion: f64,
    /// The steepest 5-percentile drops, steepest first.
    pub drop_offs: Vec<DropOff>,
    pub curve: Vec<RetentionPoint>,
}

pub struct GetVideoRetention;

impl Tool<Context> for GetVideoRetention {
    const NAME: &'static str = "get_video_retention";
    const TITLE: &'static str = "Get video retention";
    const DESCRIPTION: &'static str = "An entry's audience retention curve (percent of viewers still watching at each percent of the video), where viewers drop off most, and the average share watched.";
    type Args = Args;
    type Output = Retention;

    async fn call(ctx: Context, args: Args) -> Result<Retention, ToolError> {
        fetch(&ctx, &args).await
    }

    fn render(answer: &Retention) -> String {
        let mut text = format!(
            "Retention of {} \"{}\", {} to {} {}: {} viewers started; average share watched {:.1}%, {:.1}% reached the end.",
            answer.entry_id,
            answer.entry_name,
            &answer.range.from[..10],
            &answer.range.to[..10],
            answer.range.time_zone,
            answer.starting_viewers,
            answer.average_share_watched,
            answer.completion
        );
        for drop in &answer.drop_offs {
            text.push_str(&format!("\n- drop-off: {}", drop.describe()));
        }
        let marks: Vec<String> = answer
            .curve
            .iter()
            .filter(|p| p.percentile % 10 == 0)
            .map(|p| format!("{}%: {:.0}%", p.percentile, p.retention))
            .collect();
        if !marks.is_empty() {
            text.push_str(&format!("\nCurve: {}", marks.join(", ")));
        }
        text
    }
}

/// The retention answer (also used by the `retention_analysis` prompt).
pub async fn fetch(ctx: &Context, args: &Args) -> Result<Retention, ToolError> {
    let report = report_type("percentiles")?;
    let filters = Filters {
        from_date: args.from_date.as_deref(),
        to_date: args.to_date.as_deref(),
        entry_id: Some(&args.entry_id),
        user_id: args.user_id.as_deref(),
        ..Filters::default()
    };
    let resolved = filters.resolve(ctx, report)?;
    let client = ctx.kaltura().map_err(kaltura_failure)?;
    let mut batch = MultiRequest::new();
    let entry = batch.add(media::get_any(&args.entry_id));
    let table = batch.add(report::table(
        report.id,
        &resolved.filter,
        Pager::first(500),
        None,
        resolved.object_ids.as_deref(),
    ));
    let answers = client.multirequest(batch).await.map_err(kaltura_failure)?;
    let entry = answers
        .take(entry)
        .map_err(|error| not_found_or(error, &entry_not_found(&args.entry_id)))?;
    let table = Table::parse(&answers.take(table).map_err(kaltura_failure)?);
    let duration = entry.duration.filter(|d| *d > 0);
    let curve = curve(&table, duration);
    let starting = curve.first().map_or(0.0, |p| p.viewers);
    Ok(Retention {
        entry_id: args.entry_id.to_string(),
        entry_name: entry.name.unwrap_or_default(),
        duration_seconds: duration,
        range: resolved.range,
        starting_viewers: starting,
        average_share_watched: round1(if curve.is_empty() {
            0.0
        } else {
            curve.iter().map(|p| p.retention).sum::<f64>() / curve.len() as f64
        }),
        completion: curve.last().map_or(0.0, |p| p.retention),
        drop_offs: drop_offs(&curve, duration),
        curve,
    })
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The points of a PERCENTILES table, sorted, as shares of the start.
fn curve(table: &Table, duration: Option<i64>) -> Vec<RetentionPoint> {
    let (Some(percentile), Some(viewers)) =
        (table.column("percentile"), table.column("count_viewers"))
    else {
        return Vec::new();
    };
    let mut points: Vec<(u32, f64)> = table
        .rows
        .iter()
        .filter_map(|row| {
            let p = row.get(percentile)?.as_f64()?;
            let v = row.get(viewers)?.as_f64()?;
            (0.0..=100.0).contains(&p).then_some((p as u32, v))
        })
        .collect();
    points.sort_by_key(|(p, _)| *p);
    let start = points.first().map_or(0.0, |(_, v)| *v);
    points
        .into_iter()
        .map(|(p, v)| RetentionPoint {
            percentile: p,
            time: duration.map(|d| format_position(d * 1000 * i64::from(p) / 100)),
            viewers: v,
            retention: if start > 0.0 {
                round1(v * 100.0 / start)
            } else {
                0.0
            },
        })
        .collect()
}

/// The three steepest 5-percentile drops that do not overlap.
fn drop_offs(curve: &[RetentionPoint], duration: Option<i64>) -> Vec<DropOff> {
    let mut drops: Vec<DropOff> = curve
        .windows(6)
        .map(|window| DropOff {
            from_percentile: window[0].percentile,
            at: duration.map(|d| format_position(d * 1000 * i64::from(window[0].percentile) / 100)),
            lost: round1(window[0].retention - window[5].retention),
        })
        .filter(|drop| drop.lost > 0.0)
        .collect();
    drops.sort_by(|a, b| b.lost.total_cmp(&a.lost));
    let mut chosen: Vec<DropOff> = Vec::new();
    for drop in drops {
        if chosen
            .iter()
            .all(|c| c.from_percentile.abs_diff(drop.from_percentile) >= 5)
        {
            chosen.push(drop);
        }
        if chosen.len() == 3 {
            break;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kaltura::model::ReportTable;

    fn table(data: &str) -> Table {
        Table::parse(&ReportTable {
            header: Some("percentile,count_viewers,unique_known_users".into()),
            data: Some(data.into()),
            ..ReportTable::default()
        })
    }

    #[test]
    fn the_curve_is_relative_to_the_start_with_times() {
        let data: String = (0..=100).map(|p| format!("{p},{},0;", 200 - p)).collect();
        let curve = curve(&table(&data), Some(200));
        assert_eq!(curve.len(), 101);
        assert_eq!(curve[0].retention, 100.0);
        assert_eq!(curve[100].retention, 50.0);
        assert_eq!(curve[50].time.as_deref(), Some("1:40"));
    }

    #[test]
    fn drop_offs_find_the_cliff() {
        let data: String = (0..=100)
            .map(|p| format!("{p},{};", if p < 40 { 100 } else { 30 }))
            .collect();
        let curve = curve(&table(&data), None);
        let drops = drop_offs(&curve, None);
        assert!(
            drops[0].from_percentile >= 35 && drops[0].from_percentile < 40,
            "{drops:?}"
        );
        assert_eq!(drops[0].lost, 70.0);
    }

    #[test]
    fn an_empty_report_is_an_empty_curve() {
        assert!(curve(&Table::parse(&ReportTable::default()), Some(10)).is_empty());
    }
}
