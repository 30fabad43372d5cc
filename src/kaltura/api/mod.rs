//! The api_v3 calls the tools use, one module per service family. Each
//! function returns a typed [`Call`](super::Call); request objects
//! serialize with their `objectType` and without unset fields.

pub mod account;
pub mod assets;
pub mod category;
pub mod esearch;
pub mod media;
pub mod report;

use serde::Serialize;

/// `KalturaFilterPager`: 1-based page index; Kaltura clamps the size to 500.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(
    tag = "objectType",
    rename = "KalturaFilterPager",
    rename_all = "camelCase"
)]
pub struct Pager {
    pub page_size: u32,
    pub page_index: u32,
}

impl Pager {
    pub fn first(page_size: u32) -> Self {
        Pager {
            page_size,
            page_index: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagers_carry_their_object_type() {
        assert_eq!(
            serde_json::to_value(Pager::first(20)).unwrap(),
            serde_json::json!({"objectType": "KalturaFilterPager", "pageSize": 20, "pageIndex": 1})
        );
    }
}
