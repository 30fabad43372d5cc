//! `list_categories`: the account's categories with their full paths,
//! depth and entry counts, optionally filtered by free text.

use super::kaltura_failure;
use crate::context::Context;
use crate::kaltura::api::{category, Pager};
use crate::kaltura::model::Category;
use crate::mcp::tool::{Tool, ToolError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {
    /// Words in the category name, description or tags.
    pub search_text: Option<String>,
    /// Default 50.
    #[schemars(range(min = 1, max = 500))]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategoryView {
    pub id: i64,
    pub name: String,
    /// Path from the root, `Parent>Child`.
    pub full_name: String,
    /// 0 for a root category.
    pub depth: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
    /// Entries here and in subcategories.
    pub entries_count: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct_entries_count: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CategoryView {
    pub fn from_category(category: &Category) -> Self {
        CategoryView {
            id: category.id.unwrap_or_default(),
            name: category.name.clone().unwrap_or_default(),
            full_name: category
                .full_name
                .clone()
                .or_else(|| category.name.clone())
                .unwrap_or_default(),
            depth: category.depth.unwrap_or_default(),
            parent_id: category.parent_id.filter(|id| *id > 0),
            entries_count: category.entries_count.unwrap_or_default(),
            direct_entries_count: category.direct_entries_count,
            description: category
                .description
                .clone()
                .filter(|text| !text.trim().is_empty()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategoryList {
    /// All matching categories; `categories` holds the first `limit`.
    pub total_count: i64,
    pub categories: Vec<CategoryView>,
}

pub struct ListCategories;

impl Tool<Context> for ListCategories {
    const NAME: &'static str = "list_categories";
    const TITLE: &'static str = "List categories";
    const DESCRIPTION: &'static str = "Lists the account's categories (full path, depth, entry counts), in path order, optionally filtered by words.";
    type Args = Args;
    type Output = CategoryList;

    async fn call(ctx: Context, args: Args) -> Result<CategoryList, ToolError> {
        let client = ctx.kaltura().map_err(kaltura_failure)?;
        let filter = category::CategoryFilter {
            free_text: args
                .search_text
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty()),
            order_by: Some("+fullName".into()),
            ..Default::default()
        };
        let limit = args.limit.unwrap_or(50).clamp(1, 500);
        let list = client
            .call(category::list(&filter, Pager::first(limit)))
            .await
            .map_err(kaltura_failure)?;
        let categories: Vec<CategoryView> = list
            .objects
            .iter()
            .map(CategoryView::from_category)
            .collect();
        Ok(CategoryList {
            total_count: list.total_count.unwrap_or(categories.len() as i64),
            categories,
        })
    }

    fn render(list: &CategoryList) -> String {
        if list.categories.is_empty() {
            return "No categories match. Try other words, or no search_text to list them all."
                .into();
        }
        let mut text = format!(
            "{} of {} categories:",
            list.categories.len(),
            list.total_count
        );
        for category in &list.categories {
            text.push_str(&format!(
                "\n- [{}] {} ({} entries)",
                category.id, category.full_name, category.entries_count
            ));
        }
        text
    }
}
