//! `category`: the partner's category tree.

use super::Pager;
use crate::kaltura::model::{Category, ListResponse};
use crate::kaltura::request::Call;
use serde::Serialize;

/// `KalturaCategoryFilter` (the fields we use).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(
    tag = "objectType",
    rename = "KalturaCategoryFilter",
    rename_all = "camelCase"
)]
pub struct CategoryFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_in: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id_equal: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth_equal: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name_starts_with: Option<String>,
    /// e.g. `+fullName`, `-entriesCount`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
}

pub fn list(filter: &CategoryFilter, pager: Pager) -> Call<ListResponse<Category>> {
    Call::new("category", "list")
        .param("filter", filter)
        .param("pager", pager)
}

pub fn get(id: i64) -> Call<Category> {
    Call::new("category", "get").param("id", id)
}
