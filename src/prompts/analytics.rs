//! Analytics prompts:
//!
//! - `analytics_wizard`: which analytics tools answer a goal, with the
//!   period resolved to absolute dates;
//! - `retention_analysis`: an entry's retention measured live, handed
//!   over as a self-contained HTML report with an inline SVG chart (no
//!   scripts, nothing external) or as Markdown, with the analysis to do.

use super::user;
use crate::auth::form::html_escape;
use crate::context::Context;
use crate::kaltura::EntryId;
use crate::mcp::completion::matching;
use crate::mcp::prompt::{Prompt, PromptError, PromptMessage};
use crate::mcp::tool::ToolError;
use crate::platform::Clock;
use crate::tools::analytics::dates::{DateRange, Interval};
use crate::tools::analytics::retention::{self, Retention};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WizardArgs {
    /// What to learn, e.g. "video performance", "viewer engagement", "geographic reach", "playback quality".
    pub analysis_goal: String,
    /// today, yesterday, last_7_days, last_30_days, last_month, last_90_days, -7d…; default last_30_days.
    pub time_period: Option<String>,
}

fn resolve(ctx: &Context, period: Option<&str>) -> Result<DateRange, PromptError> {
    let now = ctx.ports.clock.now_secs() as i64;
    DateRange::resolve(period, None, Interval::Days, now).map_err(|error| {
        PromptError::InvalidArguments(error.to_string().replace("from_date", "time_period"))
    })
}

/// The date forms periods take.
const PERIODS: &[&str] = &[
    "today",
    "yesterday",
    "last_7_days",
    "last_30_days",
    "last_90_days",
    "this_month",
    "last_month",
    "this_year",
    "-24h",
    "-7d",
];

pub struct AnalyticsWizard;

impl Prompt<Context> for AnalyticsWizard {
    const NAME: &'static str = "analytics_wizard";
    const TITLE: &'static str = "Analytics wizard";
    const DESCRIPTION: &'static str = "Plan an analytics question: which reports answer the goal, over which dates, and how to present them.";
    type Args = WizardArgs;

    async fn get(ctx: Context, args: WizardArgs) -> Result<Vec<PromptMessage>, PromptError> {
        let goal = args.analysis_goal.trim();
        if goal.is_empty() {
            return Err(PromptError::InvalidArguments(
                "analysis_goal is empty: say what you want to learn".into(),
            ));
        }
        let range = resolve(&ctx, args.time_period.as_deref())?;
        let (from, to) = (&range.from[..10], &range.to[..10]);
        let dates = format!("from_date=\"{from}\", to_date=\"{to}\"");
        let lower = goal.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|word| lower.contains(word));
        let mut steps = Vec::new();
        if has(&["perform", "popular", "top", "views", "plays", "content"]) {
            steps.push(format!(
                "Top content: get_analytics(report_type=\"top_content\", {dates}, limit=10)."
            ));
            steps.push(format!("The trend: get_analytics_timeseries(report_type=\"top_content\", {dates}, interval=\"days\")."));
        }
        if has(&["engag", "retention", "drop", "watch", "complet"]) {
            steps.push(format!("Who watches and how long: get_analytics(report_type=\"user_engagement\", {dates})."));
            steps.push(format!("For the top entries, where viewers leave: get_video_retention(entry_id=\"<id>\", {dates})."));
        }
        if has(&[
            "geo",
            "country",
            "countries",
            "region",
            "city",
            "where",
            "reach",
        ]) {
            steps.push(format!("Where the audience is: get_geographic_breakdown(granularity=\"country\", {dates}), then granularity=\"city\" for the leading countries."));
        }
        if has(&["device", "platform", "mobile", "browser", "os"]) {
            steps.push(format!("Devices: get_analytics(dimension=\"device\", {dates}); browsers: get_analytics(dimension=\"browser\", {dates})."));
        }
        if has(&["quality", "buffer", "error", "bitrate", "qoe", "stall"]) {
            steps.push(format!("Playback quality: get_quality_metrics(metric=\"experience\", {dates}), then get_quality_metrics(metric=\"error_tracking\", dimension=\"device\", {dates})."));
        }
        if has(&["live", "now", "realtime", "real-time"]) {
            steps.push(
                "Right now: get_realtime_metrics(report_type=\"users_overview_realtime\").".into(),
            );
        }
        if steps.is_empty() {
            steps.push(format!("Find the reports that fit: list_analytics_capabilities(search=\"<a key word of the goal>\"), then run the best with get_analytics(report_type=\"<name>\", {dates})."));
        }
        steps.push("Answer with the few figures that matter, a comparison (to the previous period when useful: same length, just before), and what to do about them. Every figure must come from a tool answer.".into());
        let numbered: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(i, step)| format!("{}. {step}", i + 1))
            .collect();
        Ok(vec![user(format!(
            "Analyze our Kaltura video analytics: {goal}.\nPeriod: {from} to {to} ({}).\n\n{}",
            range.time_zone,
            numbered.join("\n")
        ))])
    }

    async fn complete(_ctx: Context, argument: String, typed: String) -> Vec<String> {
        match argument.as_str() {
            "time_period" => matching(PERIODS, &typed),
            "analysis_goal" => matching(
                &[
                    "video performance",
                    "viewer engagement",
                    "geographic reach",
                    "devices and platforms",
                    "playback quality",
                    "live viewers now",
                ],
                &typed,
            ),
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RetentionArgs {
    /// Entry id, e.g. `1_a1b2c3d4`.
    pub entry_id: String,
    /// Months back (e.g. "12"), or last_30_days, last_90_days, -7d…; default 12 months.
    pub time_period: Option<String>,
    /// interactive (an HTML report with a chart, the default) or markdown.
    pub output_format: Option<String>,
}

pub struct RetentionAnalysis;

impl Prompt<Context> for RetentionAnalysis {
    const NAME: &'static str = "retention_analysis";
    const TITLE: &'static str = "Retention analysis";
    const DESCRIPTION: &'static str = "Analyze where viewers of one video drop off, from its live retention curve, as an HTML report with a chart or as Markdown.";
    type Args = RetentionArgs;

    async fn get(ctx: Context, args: RetentionArgs) -> Result<Vec<PromptMessage>, PromptError> {
        let entry_id: EntryId =
            args.entry_id
                .trim()
                .parse()
                .map_err(|error: crate::kaltura::ids::IdError| {
                    PromptError::InvalidArguments(error.to_string())
                })?;
        let interactive = match args.output_format.as_deref().map(str::trim) {
            None | Some("") | Some("interactive") => true,
            Some("markdown") => false,
            Some(other) => {
                return Err(PromptError::InvalidArguments(format!(
                    "output_format must be interactive or markdown, got {other:?}"
                )))
            }
        };
        let period = match args.time_period.as_deref().map(str::trim) {
            None | Some("") => "-12m".to_owned(),
            Some(months) if months.bytes().all(|b| b.is_ascii_digit()) => format!("-{months}m"),
            Some(other) => other.to_owned(),
        };
        resolve(&ctx, Some(&period))?;
        let retention_args = retention::Args {
            entry_id: entry_id.clone(),
            from_date: Some(period),
            to_date: None,
            user_id: None,
        };
        let curve = retention::fetch(&ctx, &retention_args)
            .await
            .map_err(|error| match error {
                ToolError::InvalidArguments(message) => PromptError::InvalidArguments(message),
                ToolError::Failed(message) if message.contains("not found") => {
                    PromptError::InvalidArguments(message)
                }
                ToolError::Failed(message) => PromptError::Failed(message),
            })?;
        let mut text = format!(
            "Analyze the audience retention of \"{}\" ({entry_id}) from {} to {} {}: {} viewers started, {:.1}% reached the end, and the average viewer watched {:.1}% of it.\n\n",
            curve.entry_name,
            &curve.range.from[..10],
            &curve.range.to[..10],
            curve.range.time_zone,
            curve.starting_viewers,
            curve.completion,
            curve.average_share_watched
        );
        text.push_str(&format!(
            "1. Explain the curve: the early drop (first 10%), the steepest drop-offs, and the end.\n\
             2. For each steep drop-off, read what is said there: list_caption_assets(entry_id=\"{entry_id}\"), then get_caption_content(caption_asset_id=\"<id>\", start_seconds=<the drop's second minus 30>), and say what may make viewers leave.\n\
             3. Recommend concrete edits (trim, reorder, chapters, a stronger opening) and what to measure after.\n"
        ));
        if interactive {
            text.push_str("4. Return the HTML report below as one file, with your findings added in its `findings` section; keep it self-contained (no scripts, no external files).\n\n");
            text.push_str(&html_report(&curve));
        } else {
            text.push_str("4. Answer as a Markdown report; the data:\n\n");
            text.push_str(&markdown_table(&curve));
        }
        Ok(vec![user(text)])
    }

    /// Entry ids of the most played entries (matching what is typed, by
    /// id or name), formats and periods.
    async fn complete(ctx: Context, argument: String, typed: String) -> Vec<String> {
        match argument.as_str() {
            "output_format" => matching(&["interactive", "markdown"], &typed),
            "time_period" => matching(&["3", "6", "12", "last_30_days", "last_90_days"], &typed),
            "entry_id" => {
                let Ok(client) = ctx.kaltura() else {
                    return Vec::new();
                };
                let filter = crate::kaltura::api::media::MediaEntryFilter {
                    order_by: Some("-plays".into()),
                    ..Default::default()
                };
                let typed = typed.trim().to_lowercase();
                match client
                    .call(crate::kaltura::api::media::list(
                        &filter,
                        crate::kaltura::api::Pager::first(100),
                    ))
                    .await
                {
                    Ok(list) => list
                        .objects
                        .iter()
                        .filter(|e| {
                            e.id.as_deref().is_some_and(|id| id.starts_with(&typed))
                                || e.name
                                    .as_deref()
                                    .is_some_and(|n| n.to_lowercase().contains(&typed))
                        })
                        .filter_map(|e| e.id.clone())
                        .collect(),
                    Err(_) => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }
}

/// Every fifth percentile and the drop-offs, as Markdown.
fn markdown_table(curve: &Retention) -> String {
    let mut text = String::from("| Percentile | Time | Viewers | Retention |\n|---|---|---|---|\n");
    for point in curve.curve.iter().filter(|p| p.percentile % 5 == 0) {
        text.push_str(&format!(
            "| {}% | {} | {} | {:.1}% |\n",
            point.percentile,
            point.time.as_deref().unwrap_or("–"),
            point.viewers,
            point.retention
        ));
    }
    for drop in &curve.drop_offs {
        text.push_str(&format!("\nDrop-off: {}", drop.describe()));
    }
    text
}

/// A self-contained HTML page: summary, an inline SVG retention chart with
/// the drop-offs marked, and a place for the findings.
pub fn html_report(curve: &Retention) -> String {
    const W: f64 = 640.0;
    const H: f64 = 320.0;
    const PAD: f64 = 40.0;
    let x = |percentile: u32| PAD + f64::from(percentile) * (W - 2.0 * PAD) / 100.0;
    let y = |retention: f64| H - PAD - retention.clamp(0.0, 100.0) * (H - 2.0 * PAD) / 100.0;
    let points: Vec<String> = curve
        .curve
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.percentile), y(p.retention)))
        .collect();
    let mut marks = String::new();
    for drop in &curve.drop_offs {
        let at = curve
            .curve
            .iter()
            .find(|p| p.percentile == drop.from_percentile);
        if let Some(point) = at {
            marks.push_str(&format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" class=\"drop\"><title>-{:.1} points from {}%</title></circle>",
                x(point.percentile),
                y(point.retention),
                drop.lost,
                drop.from_percentile
            ));
        }
    }
    let mut grid = String::new();
    for step in (0..=100).step_by(25) {
        grid.push_str(&format!(
            "<line x1=\"{PAD}\" x2=\"{:.0}\" y1=\"{y:.1}\" y2=\"{y:.1}\" class=\"grid\"/><text x=\"{:.0}\" y=\"{:.1}\" class=\"label\">{step}%</text>",
            W - PAD,
            PAD - 6.0,
            y(f64::from(step)) + 4.0,
            y = y(f64::from(step))
        ));
        grid.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.0}\" class=\"label\" text-anchor=\"middle\">{step}%</text>",
            x(step),
            H - PAD + 18.0
        ));
    }
    let drops: String = curve
        .drop_offs
        .iter()
        .map(|drop| format!("<li>{}</li>", html_escape(&drop.describe())))
        .collect();
    let name = html_escape(&curve.entry_name);
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Retention: {name}</title>\
<style>body{{font:15px system-ui,sans-serif;max-width:720px;margin:2em auto;color:#222}}.grid{{stroke:#ddd}}.label{{font-size:11px;fill:#666;text-anchor:end}}polyline{{fill:none;stroke:#0a6ebd;stroke-width:2.5}}.drop{{fill:#d33}}</style></head>\
<body><h1>Retention: {name}</h1><p>{} to {} ({}). {} viewers started; {:.1}% reached the end; the average viewer watched {:.1}%.</p>\
<svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"Share of viewers still watching at each percent of the video\">{grid}<polyline points=\"{}\"/>{marks}</svg>\
<h2>Steepest drop-offs</h2><ul>{drops}</ul><h2>Findings</h2><section id=\"findings\"></section></body></html>\n",
        &curve.range.from[..10],
        &curve.range.to[..10],
        curve.range.time_zone,
        curve.starting_viewers,
        curve.completion,
        curve.average_share_watched,
        points.join(" ")
    )
}
