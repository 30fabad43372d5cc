//! `list_analytics_capabilities`: the report catalog, filtered by category
//! or words, so a model can pick a `report_type` for the other tools.

use super::catalog::{ReportCategory, REPORTS};
use crate::context::Context;
use crate::mcp::tool::{Tool, ToolError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Only this category: content, engagement, users, geography, platforms, quality, realtime, live, usage, interactive, events, quiz.
    #[schemars(with = "Option<String>")]
    pub category: Option<ReportCategory>,
    /// Words in the report's name or description, e.g. "country" or "buffer".
    pub search: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportInfo {
    /// Pass as report_type.
    pub name: &'static str,
    pub id: &'static str,
    pub category: ReportCategory,
    pub description: &'static str,
    /// The table's leading columns (what it is grouped by).
    pub dimensions: &'static [&'static str],
    /// Its metric columns.
    pub metrics: &'static [&'static str],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub needs_entry_id: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub needs_user_id: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Capabilities {
    pub count: usize,
    pub reports: Vec<ReportInfo>,
    /// What the analytics tools accept as dates.
    pub date_forms: &'static str,
}

const DATE_FORMS: &str = "YYYY-MM-DD, today, yesterday, last_7_days, last_30_days, last_90_days, this_month, last_month, this_year, -24h, -7d, -2w, -3m; all UTC";

pub struct ListAnalyticsCapabilities;

impl Tool<Context> for ListAnalyticsCapabilities {
    const NAME: &'static str = "list_analytics_capabilities";
    const TITLE: &'static str = "List analytics capabilities";
    const DESCRIPTION: &'static str = "Kaltura's report types (content, users, geography, platforms, quality, realtime, live…): what each answers, how it is grouped, its metrics. Filter by category or words to choose a report_type.";
    type Args = Args;
    type Output = Capabilities;

    async fn call(_ctx: Context, args: Args) -> Result<Capabilities, ToolError> {
        let words: Vec<String> = args
            .search
            .as_deref()
            .unwrap_or_default()
            .to_lowercase()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let reports: Vec<ReportInfo> = REPORTS
            .iter()
            .filter(|r| args.category.is_none_or(|c| r.category == c))
            .filter(|r| {
                let text = format!(
                    "{} {} {}",
                    r.name,
                    r.description.to_lowercase(),
                    r.metrics.join(" ")
                );
                words.iter().all(|word| text.contains(word.as_str()))
            })
            .map(|r| ReportInfo {
                name: r.name,
                id: r.id,
                category: r.category,
                description: r.description,
                dimensions: r.dimensions,
                metrics: r.metrics,
                needs_entry_id: r.needs_object_ids,
                needs_user_id: r.needs_user_filter,
            })
            .collect();
        Ok(Capabilities {
            count: reports.len(),
            reports,
            date_forms: DATE_FORMS,
        })
    }

    fn render(answer: &Capabilities) -> String {
        if answer.reports.is_empty() {
            return "No report type matches; try other words or no filter.".into();
        }
        let mut text = format!("{} report types:", answer.count);
        for report in &answer.reports {
            text.push_str(&format!(
                "\n- {} ({}): {}",
                report.name, report.id, report.description
            ));
        }
        text.push_str(&format!("\nDates: {}", answer.date_forms));
        text
    }
}
