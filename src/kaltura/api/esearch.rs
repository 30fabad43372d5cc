//! `elasticsearch_esearch.searchEntry`: a tree of operators and search
//! items, with ordering. Items serialize to the concrete `KalturaESearch*`
//! types (the abstract bases are refused by Kaltura).

use crate::kaltura::model::ESearchEntryResponse;
use crate::kaltura::request::Call;
use serde_json::{json, Map, Value};

/// `KalturaESearchItemType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemType {
    ExactMatch = 1,
    Partial = 2,
    StartsWith = 3,
    Exists = 4,
    Range = 5,
}

/// `KalturaESearchOperatorType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    And = 1,
    Or = 2,
    Not = 3,
}

/// What an item searches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Entry fields, captions, metadata and cue points together.
    Unified,
    /// An entry field (`name`, `tags`, `created_at`, ...).
    Entry(String),
    /// A caption field (`content`, `language`, ...).
    Caption(String),
    /// A custom metadata field by profile and xpath.
    Metadata {
        profile_id: Option<i64>,
        xpath: Option<String>,
    },
    /// A cue point field (`text`, `name`, `tags`, ...).
    CuePoint(String),
}

/// `KalturaESearchRange` bounds (unix seconds for dates).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Range {
    pub greater_than_or_equal: Option<i64>,
    pub less_than_or_equal: Option<i64>,
}

/// One search item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub target: Target,
    pub item_type: ItemType,
    pub search_term: Option<String>,
    pub range: Option<Range>,
    pub add_highlight: bool,
}

/// An operator over items and nested operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub operator: Operator,
    pub items: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Item(Item),
    Query(Query),
}

/// Sort field (`KalturaESearchEntryOrderByFieldName`) and direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderBy {
    pub field: String,
    pub descending: bool,
}

impl Item {
    fn to_value(&self) -> Value {
        let mut object = Map::new();
        let (object_type, field) = match &self.target {
            Target::Unified => ("KalturaESearchUnifiedItem", None),
            Target::Entry(field) => ("KalturaESearchEntryItem", Some(field)),
            Target::Caption(field) => ("KalturaESearchCaptionItem", Some(field)),
            Target::CuePoint(field) => ("KalturaESearchCuePointItem", Some(field)),
            Target::Metadata { profile_id, xpath } => {
                if let Some(id) = profile_id {
                    object.insert("metadataProfileId".into(), json!(id));
                }
                if let Some(xpath) = xpath {
                    object.insert("xpath".into(), json!(xpath));
                }
                ("KalturaESearchEntryMetadataItem", None)
            }
        };
        if let Some(field) = field {
            object.insert("fieldName".into(), json!(field));
        }
        if let Some(term) = &self.search_term {
            object.insert("searchTerm".into(), json!(term));
        }
        object.insert("itemType".into(), json!(self.item_type as u8));
        if let Some(range) = &self.range {
            let mut bounds = Map::new();
            bounds.insert("objectType".into(), json!("KalturaESearchRange"));
            if let Some(low) = range.greater_than_or_equal {
                bounds.insert("greaterThanOrEqual".into(), json!(low));
            }
            if let Some(high) = range.less_than_or_equal {
                bounds.insert("lessThanOrEqual".into(), json!(high));
            }
            object.insert("range".into(), Value::Object(bounds));
        }
        if self.add_highlight {
            object.insert("addHighlight".into(), json!(true));
        }
        object.insert("objectType".into(), json!(object_type));
        Value::Object(object)
    }
}

impl Query {
    pub fn to_value(&self) -> Value {
        let items: Vec<Value> = self
            .items
            .iter()
            .map(|node| match node {
                Node::Item(item) => item.to_value(),
                Node::Query(query) => query.to_value(),
            })
            .collect();
        json!({
            "operator": self.operator as u8,
            "searchItems": items,
            "objectType": "KalturaESearchEntryOperator",
        })
    }
}

/// `searchEntry(searchParams, pager)`.
pub fn search_entries(
    query: &Query,
    order: &[OrderBy],
    page_size: u32,
    page_index: u32,
) -> Call<ESearchEntryResponse> {
    let mut params = Map::new();
    params.insert("searchOperator".into(), query.to_value());
    if !order.is_empty() {
        let items: Vec<Value> = order
            .iter()
            .map(|order| {
                json!({
                    "sortField": order.field,
                    "sortOrder": if order.descending { "desc" } else { "asc" },
                    "objectType": "KalturaESearchEntryOrderByItem",
                })
            })
            .collect();
        params.insert(
            "orderBy".into(),
            json!({"orderItems": items, "objectType": "KalturaESearchOrderBy"}),
        );
    }
    params.insert("objectType".into(), json!("KalturaESearchEntryParams"));
    Call::new("elasticsearch_esearch", "searchEntry")
        .param("searchParams", Value::Object(params))
        .param(
            "pager",
            json!({"pageSize": page_size, "pageIndex": page_index, "objectType": "KalturaPager"}),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_search_with_a_date_range_serializes_like_the_official_clients() {
        let query = Query {
            operator: Operator::And,
            items: vec![
                Node::Item(Item {
                    target: Target::Caption("content".into()),
                    item_type: ItemType::Partial,
                    search_term: Some("zero trust".into()),
                    range: None,
                    add_highlight: true,
                }),
                Node::Item(Item {
                    target: Target::Entry("created_at".into()),
                    item_type: ItemType::Range,
                    search_term: None,
                    range: Some(Range {
                        greater_than_or_equal: Some(1_700_000_000),
                        less_than_or_equal: None,
                    }),
                    add_highlight: false,
                }),
            ],
        };
        let order = [OrderBy {
            field: "created_at".into(),
            descending: true,
        }];
        let call = search_entries(&query, &order, 20, 1);
        let params = Value::Object(call.params().clone());
        assert_eq!(
            params["searchParams"]["searchOperator"],
            json!({"operator": 1, "objectType": "KalturaESearchEntryOperator", "searchItems": [
                {"fieldName": "content", "searchTerm": "zero trust", "itemType": 2, "addHighlight": true,
                 "objectType": "KalturaESearchCaptionItem"},
                {"fieldName": "created_at", "itemType": 5, "objectType": "KalturaESearchEntryItem",
                 "range": {"objectType": "KalturaESearchRange", "greaterThanOrEqual": 1_700_000_000}}
            ]})
        );
        assert_eq!(
            params["searchParams"]["orderBy"]["orderItems"][0],
            json!({"sortField": "created_at", "sortOrder": "desc", "objectType": "KalturaESearchEntryOrderByItem"})
        );
        assert_eq!(params["pager"]["objectType"], "KalturaPager");
    }
}
