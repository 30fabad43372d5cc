//! The product's resources:
//!
//! - `kaltura://server/info`: the server's identity and protocol versions;
//! - `kaltura://analytics/capabilities`: the report catalog (static);
//! - `kaltura://categories/tree`: the account's categories as a tree,
//!   cached 30 minutes per tenant;
//! - `kaltura://media/recent/{count}`: the newest entries, 1–100, cached
//!   5 minutes per tenant.

use crate::cache::CachePolicy;
use crate::context::Context;
use crate::kaltura::api::{category, media, Pager};
use crate::kaltura::model::Category;
use crate::kaltura::KalturaError;
use crate::mcp::cache_hint::CacheHint;
use crate::mcp::resource::{
    Resource, ResourceError, ResourceRegistry, ResourceTemplate, ResourceText,
};
use crate::mcp::tool::Tool;
use crate::tools::analytics::catalog::{ReportCategory, REPORTS};
use crate::tools::entry_view::EntrySummary;
use crate::tools::server_info::GetServerInfo;
use serde::{Deserialize, Serialize};
use serde_json::json;

pub fn register(registry: &mut ResourceRegistry<Context>) {
    registry
        .register::<ServerInfoResource>()
        .register::<AnalyticsCapabilities>()
        .register::<CategoryTree>()
        .register_template::<RecentMedia>();
}

fn to_json(value: &impl Serialize) -> Result<String, ResourceError> {
    serde_json::to_string(value).map_err(|error| ResourceError::Failed(error.to_string()))
}

fn kaltura_failed(error: KalturaError) -> ResourceError {
    ResourceError::Failed(format!("Kaltura could not be read: {error}"))
}

/// The same facts as `get_server_info`, for clients that browse resources.
pub struct ServerInfoResource;

impl Resource<Context> for ServerInfoResource {
    const URI: &'static str = "kaltura://server/info";
    const NAME: &'static str = "server-info";
    const TITLE: &'static str = "Server information";
    const DESCRIPTION: &'static str =
        "This server's name, version and supported MCP protocol versions, as JSON.";
    const MIME_TYPE: &'static str = "application/json";

    async fn read(ctx: Context) -> Result<ResourceText, ResourceError> {
        let info = GetServerInfo::call(ctx, crate::tools::server_info::Args {})
            .await
            .map_err(|error| ResourceError::Failed(error.to_string()))?;
        let text = serde_json::to_string_pretty(&info)
            .map_err(|error| ResourceError::Failed(error.to_string()))?;
        Ok(ResourceText {
            text,
            cache: CacheHint::public(60 * 60 * 1000),
        })
    }
}

/// Every Kaltura report type, grouped by category.
pub struct AnalyticsCapabilities;

impl Resource<Context> for AnalyticsCapabilities {
    const URI: &'static str = "kaltura://analytics/capabilities";
    const NAME: &'static str = "analytics-capabilities";
    const TITLE: &'static str = "Analytics capabilities";
    const DESCRIPTION: &'static str =
        "Every Kaltura analytics report type by category: name, id, what it answers, its dimensions and metrics.";
    const MIME_TYPE: &'static str = "application/json";

    async fn read(_ctx: Context) -> Result<ResourceText, ResourceError> {
        let categories: Vec<_> = ReportCategory::ALL
            .iter()
            .map(|category| {
                let reports: Vec<_> = REPORTS
                    .iter()
                    .filter(|report| report.category == *category)
                    .map(|report| {
                        let mut entry = json!({
                            "name": report.name,
                            "id": report.id,
                            "description": report.description,
                            "dimensions": report.dimensions,
                            "metrics": report.metrics,
                        });
                        if report.needs_object_ids {
                            entry["needsObjectIds"] = true.into();
                        }
                        if report.needs_user_filter {
                            entry["needsUserFilter"] = true.into();
                        }
                        entry
                    })
                    .collect();
                json!({ "category": category, "reports": reports })
            })
            .collect();
        let text = to_json(&json!({
            "reportTypeCount": REPORTS.len(),
            "categories": categories,
            "dateRanges": "Reports take a date range (YYYY-MM-DD, UTC) and, for time series, an interval: hours, days or months.",
        }))?;
        Ok(ResourceText {
            text,
            cache: CacheHint::public(24 * 60 * 60 * 1000),
        })
    }
}

/// One node of the category tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryNode {
    pub id: i64,
    pub name: String,
    pub full_name: String,
    /// Entries here and in subcategories.
    pub entries_count: i64,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<CategoryNode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tree {
    pub total_categories: i64,
    /// True when the account has more categories than one read returns.
    pub truncated: bool,
    pub tree: Vec<CategoryNode>,
}

/// Categories one tree read fetches (Kaltura's page maximum).
const TREE_PAGE: u32 = 500;

pub struct CategoryTree;

impl Resource<Context> for CategoryTree {
    const URI: &'static str = "kaltura://categories/tree";
    const NAME: &'static str = "category-tree";
    const TITLE: &'static str = "Category tree";
    const DESCRIPTION: &'static str =
        "The account's categories as a tree with entry counts (cached 30 minutes).";
    const MIME_TYPE: &'static str = "application/json";

    async fn read(ctx: Context) -> Result<ResourceText, ResourceError> {
        let cache = ctx.cache().map_err(kaltura_failed)?;
        let (tree, _) = cache
            .get_or_fetch(CachePolicy::CategoryTree, "", fetch_tree(&ctx))
            .await?;
        Ok(ResourceText {
            text: to_json(&tree)?,
            cache: CacheHint::private(CachePolicy::CategoryTree.ttl().as_millis() as u64),
        })
    }
}

async fn fetch_tree(ctx: &Context) -> Result<Tree, ResourceError> {
    let client = ctx.kaltura().map_err(kaltura_failed)?;
    let filter = category::CategoryFilter {
        order_by: Some("+fullName".into()),
        ..Default::default()
    };
    let list = client
        .call(category::list(&filter, Pager::first(TREE_PAGE)))
        .await
        .map_err(kaltura_failed)?;
    let total = list.total_count.unwrap_or(list.objects.len() as i64);
    Ok(Tree {
        total_categories: total,
        truncated: total > list.objects.len() as i64,
        tree: build_tree(&list.objects),
    })
}

/// Nests categories under their parents; an orphan (its parent beyond
/// the page) becomes a root rather than disappearing.
fn build_tree(categories: &[Category]) -> Vec<CategoryNode> {
    let ids: Vec<i64> = categories.iter().filter_map(|c| c.id).collect();
    let is_root = |category: &Category| {
        category
            .parent_id
            .is_none_or(|parent| parent == 0 || !ids.contains(&parent))
    };
    fn node(category: &Category, all: &[Category]) -> CategoryNode {
        let id = category.id.unwrap_or_default();
        CategoryNode {
            id,
            name: category.name.clone().unwrap_or_default(),
            full_name: category
                .full_name
                .clone()
                .or_else(|| category.name.clone())
                .unwrap_or_default(),
            entries_count: category.entries_count.unwrap_or_default(),
            children: all
                .iter()
                .filter(|child| child.parent_id == Some(id) && child.id != Some(id))
                .map(|child| node(child, all))
                .collect(),
        }
    }
    categories
        .iter()
        .filter(|category| is_root(category))
        .map(|category| node(category, categories))
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recent {
    pub count: usize,
    pub total_available: i64,
    pub entries: Vec<EntrySummary>,
}

pub struct RecentMedia;

const RECENT_PREFIX: &str = "kaltura://media/recent/";

impl ResourceTemplate<Context> for RecentMedia {
    const URI_TEMPLATE: &'static str = "kaltura://media/recent/{count}";
    const NAME: &'static str = "recent-media";
    const TITLE: &'static str = "Recent media";
    const DESCRIPTION: &'static str = "The newest entries, count 1 to 100 (cached 5 minutes).";
    const MIME_TYPE: &'static str = "application/json";

    fn matches(uri: &str) -> bool {
        uri.strip_prefix(RECENT_PREFIX)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
    }

    async fn read(ctx: Context, uri: String) -> Result<ResourceText, ResourceError> {
        let count_text = uri.trim_start_matches(RECENT_PREFIX);
        let count = count_text
            .parse::<u32>()
            .ok()
            .filter(|count| (1..=100).contains(count))
            .ok_or_else(|| {
                ResourceError::InvalidParams(format!(
                    "count must be a whole number from 1 to 100, got {count_text:?}"
                ))
            })?;
        let cache = ctx.cache().map_err(kaltura_failed)?;
        let (recent, _) = cache
            .get_or_fetch(
                CachePolicy::RecentMedia,
                &count.to_string(),
                fetch_recent(&ctx, count),
            )
            .await?;
        Ok(ResourceText {
            text: to_json(&recent)?,
            cache: CacheHint::private(CachePolicy::RecentMedia.ttl().as_millis() as u64),
        })
    }

    async fn complete(_ctx: Context, variable: String, typed: String) -> Vec<String> {
        match variable.as_str() {
            "count" => crate::mcp::completion::matching(&["5", "10", "20", "50", "100"], &typed),
            _ => Vec::new(),
        }
    }
}

async fn fetch_recent(ctx: &Context, count: u32) -> Result<Recent, ResourceError> {
    let client = ctx.kaltura().map_err(kaltura_failed)?;
    let filter = media::MediaEntryFilter {
        order_by: Some("-createdAt".into()),
        ..Default::default()
    };
    let list = client
        .call(media::list(&filter, Pager::first(count)))
        .await
        .map_err(kaltura_failed)?;
    let entries: Vec<EntrySummary> = list.objects.iter().map(EntrySummary::from_entry).collect();
    Ok(Recent {
        count: entries.len(),
        total_available: list.total_count.unwrap_or(entries.len() as i64),
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(id: i64, parent: i64, name: &str) -> Category {
        Category {
            id: Some(id),
            parent_id: Some(parent),
            name: Some(name.into()),
            ..Category::default()
        }
    }

    #[test]
    fn categories_nest_and_orphans_stay_visible() {
        let tree = build_tree(&[
            category(1, 0, "Root"),
            category(2, 1, "Child"),
            category(3, 2, "Grandchild"),
            category(4, 99, "Orphan"),
        ]);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].children[0].children[0].name, "Grandchild");
        assert_eq!(tree[1].name, "Orphan");
    }

    #[test]
    fn the_recent_template_matches_only_its_own_uris() {
        assert!(RecentMedia::matches("kaltura://media/recent/20"));
        assert!(RecentMedia::matches("kaltura://media/recent/abc"));
        assert!(!RecentMedia::matches("kaltura://media/recent/"));
        assert!(!RecentMedia::matches("kaltura://media/recent/2/x"));
    }
}
