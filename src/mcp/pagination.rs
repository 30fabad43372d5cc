//! Cursor pagination for the list methods. The cursor is opaque to clients;
//! here it is the decimal offset of the next page.

use super::jsonrpc::RpcError;
use serde_json::{Map, Value};

/// Items per page of every list method.
pub const PAGE_SIZE: usize = 50;

/// One page of `items` starting at `cursor`, and the cursor of the next page.
/// An absent or empty cursor starts at the beginning (2026-07-28 makes the
/// empty string a valid first cursor); anything unreadable is invalid params.
pub fn page<'a, T>(
    items: &'a [T],
    params: &Map<String, Value>,
) -> Result<(&'a [T], Option<String>), RpcError> {
    let start = match params.get("cursor") {
        None | Some(Value::Null) => 0,
        Some(Value::String(cursor)) if cursor.is_empty() => 0,
        Some(Value::String(cursor)) => cursor
            .parse::<usize>()
            .ok()
            .filter(|offset| *offset <= items.len())
            .ok_or_else(|| RpcError::invalid_params(format!("Invalid cursor: {cursor:?}")))?,
        Some(_) => return Err(RpcError::invalid_params("`cursor` must be a string")),
    };
    let end = (start + PAGE_SIZE).min(items.len());
    let next = (end < items.len()).then(|| end.to_string());
    Ok((&items[start..end], next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn walks_pages_until_no_next_cursor() {
        let items: Vec<u32> = (0..120).collect();
        let (first, next) = page(&items, &Map::new()).unwrap();
        assert_eq!(first.len(), PAGE_SIZE);
        assert_eq!(next.as_deref(), Some("50"));
        let (second, next) = page(&items, &params(json!({"cursor": "50"}))).unwrap();
        assert_eq!(second[0], 50);
        let (last, next) = page(&items, &params(json!({"cursor": next.unwrap()}))).unwrap();
        assert_eq!(last.len(), 20);
        assert_eq!(next, None);
    }

    #[test]
    fn empty_cursor_is_the_first_page_and_garbage_is_rejected() {
        let items = [1, 2, 3];
        assert_eq!(
            page(&items, &params(json!({"cursor": ""})))
                .unwrap()
                .0
                .len(),
            3
        );
        for bad in [
            json!({"cursor": "abc"}),
            json!({"cursor": "99"}),
            json!({"cursor": 5}),
        ] {
            let error = page(&items, &params(bad)).unwrap_err();
            assert_eq!(error.code.code(), -32602);
        }
    }
}
