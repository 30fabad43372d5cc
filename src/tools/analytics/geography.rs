//! `get_geographic_breakdown`: plays, viewers and completion by place,
//! from the map-overlay reports (world and country, region, city).

use super::query::{report_type, Filters};
use super::table::{run_table, AnalyticsTable};
use crate::context::Context;
use crate::kaltura::EntryId;
use crate::mcp::tool::{Tool, ToolError};
use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Countries on the world map.
    World,
    #[default]
    Country,
    Region,
    City,
}

impl Granularity {
    fn report(self) -> &'static str {
        match self {
            Granularity::World => "map_overlay",
            Granularity::Country => "map_overlay_country",
            Granularity::Region => "map_overlay_region",
            Granularity::City => "map_overlay_city",
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Default country.
    #[serde(default)]
    pub granularity: Granularity,
    /// YYYY-MM-DD, last_7_days, last_30_days, last_month, -7d… Default last 30 days.
    pub from_date: Option<String>,
    pub to_date: Option<String>,
    pub entry_id: Option<EntryId>,
    pub category_id: Option<i64>,
    /// Only this country (its name or code as Kaltura reports it), e.g. for regions of one country.
    pub country: Option<String>,
    /// Places, default 50, most plays first.
    #[schemars(range(min = 1, max = 500))]
    pub limit: Option<u32>,
}

pub struct GetGeographicBreakdown;

impl Tool<Context> for GetGeographicBreakdown {
    const NAME: &'static str = "get_geographic_breakdown";
    const TITLE: &'static str = "Get geographic breakdown";
    const DESCRIPTION: &'static str = "Where the audience is: plays, viewers and completion by country, region or city, most plays first.";
    type Args = Args;
    type Output = AnalyticsTable;

    async fn call(ctx: Context, args: Args) -> Result<AnalyticsTable, ToolError> {
        let report = report_type(args.granularity.report())?;
        let filters = Filters {
            from_date: args.from_date.as_deref(),
            to_date: args.to_date.as_deref(),
            entry_id: args.entry_id.as_ref(),
            category_id: args.category_id,
            country: args.country.as_deref(),
            ..Filters::default()
        };
        run_table(
            &ctx,
            report,
            &filters,
            args.limit.unwrap_or(50),
            Some("-count_plays"),
        )
        .await
    }

    fn render(answer: &AnalyticsTable) -> String {
        answer.summary()
    }
}
