//! `KalturaCategory`: a node of the partner's category tree.

use super::lenient;
use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Category {
    #[serde(deserialize_with = "lenient::int")]
    pub id: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub parent_id: Option<i64>,
    /// 0 for a root category.
    #[serde(deserialize_with = "lenient::int")]
    pub depth: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub partner_id: Option<i64>,
    pub name: Option<String>,
    /// The path from the root, joined by `>`.
    pub full_name: Option<String>,
    pub full_ids: Option<String>,
    /// Entries here and in every subcategory.
    #[serde(deserialize_with = "lenient::int")]
    pub entries_count: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub direct_entries_count: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub direct_sub_categories_count: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub members_count: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub created_at: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub updated_at: Option<i64>,
    pub description: Option<String>,
    pub tags: Option<String>,
    #[serde(deserialize_with = "lenient::int")]
    pub privacy: Option<i64>,
    #[serde(deserialize_with = "lenient::int")]
    pub status: Option<i64>,
    pub reference_id: Option<String>,
    pub object_type: Option<String>,
}
