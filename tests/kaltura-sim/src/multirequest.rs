//! `service=multirequest`: numbered sub-requests run in order, top-level
//! `ks`/`clientTag`/`partnerId` inherited, `{N:result:path}` references
//! replaced with earlier results (N is the 1-based execution ordinal).

use serde_json::Value;

use crate::error::ApiError;
use crate::params::{as_text, Params};
use crate::services::Reply;

const INHERITED: [&str; 3] = ["ks", "clientTag", "partnerId"];

pub fn run(
    params: &Params,
    execute: impl Fn(&Params) -> Result<Reply, ApiError>,
) -> Vec<Result<Reply, ApiError>> {
    let indices: Vec<i64> = params.0.keys().filter_map(|key| key.parse().ok()).collect();
    let (Some(&smallest), Some(&largest)) = (indices.iter().min(), indices.iter().max()) else {
        return Vec::new();
    };
    let mut outcomes = Vec::new();
    let mut results: Vec<Value> = Vec::new();
    for index in smallest.min(1)..=largest {
        let Some(mut sub) = params.object(&index.to_string()) else {
            break;
        };
        if sub.nonempty("service").is_none() || sub.nonempty("action").is_none() {
            break;
        }
        for key in INHERITED {
            if sub.get(key).is_none() {
                if let Some(value) = params.get(key) {
                    sub.0.insert(key.to_owned(), value.clone());
                }
            }
        }
        // Format is the whole response's, never a part's.
        sub.0.remove("format");
        let resolved = Params(match substitute(&Value::Object(sub.0), &results) {
            Value::Object(map) => map,
            _ => unreachable!("an object stays an object"),
        });
        let outcome = execute(&resolved);
        results.push(match &outcome {
            Ok(Reply::Value(value)) => value.clone(),
            Ok(Reply::File(_)) => Value::Null,
            Err(error) => error.to_value(),
        });
        outcomes.push(outcome);
    }
    outcomes
}

fn substitute(value: &Value, results: &[Value]) -> Value {
    match value {
        Value::String(text) if text.contains(":result") => {
            Value::String(replace_references(text, results))
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), substitute(v, results)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| substitute(v, results)).collect()),
        other => other.clone(),
    }
}

/// Replaces every `{N:result[:path]}` in a text.
pub fn replace_references(text: &str, results: &[Value]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let Some(close) = tail.find('}') else {
            out.push_str(tail);
            return out;
        };
        let inner = &tail[1..close];
        match resolve(inner, results) {
            Some(replacement) => out.push_str(&replacement),
            None => out.push_str(&tail[..=close]),
        }
        rest = &tail[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `N:result:a:0:b` → the text at that path ("" when absent); `None` when
/// the braces hold no reference at all.
fn resolve(inner: &str, results: &[Value]) -> Option<String> {
    let mut parts = inner.split(':');
    let ordinal: usize = parts.next()?.parse().ok()?;
    if parts.next()? != "result" {
        return None;
    }
    let mut node = results
        .get(ordinal.checked_sub(1)?)
        .cloned()
        .unwrap_or(Value::Null);
    for segment in parts {
        node = if segment == "_all" {
            // Joins the rest of the path across an array, trailing comma included.
            return Some(join_all(&node, inner.split(":_all:").nth(1).unwrap_or("")));
        } else {
            step(&node, segment)
        };
    }
    Some(scalar_text(&node))
}

fn step(node: &Value, segment: &str) -> Value {
    match node {
        Value::Object(map) => map.get(segment).cloned().unwrap_or(Value::Null),
        Value::Array(items) => segment
            .parse::<usize>()
            .ok()
            .and_then(|i| items.get(i).cloned())
            .unwrap_or(Value::Null),
        _ => Value::Null,
    }
}

fn join_all(node: &Value, path: &str) -> String {
    let Value::Array(items) = node else {
        return String::new();
    };
    items
        .iter()
        .map(|item| {
            let leaf = path
                .split(':')
                .filter(|s| !s.is_empty())
                .fold(item.clone(), |n, s| step(&n, s));
            format!("{},", scalar_text(&leaf))
        })
        .collect()
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::Bool(true) => "1".into(),
        Value::Bool(false) => String::new(),
        other => as_text(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_walk_objects_arrays_and_all() {
        let results = vec![json!({"objects": [{"id": "0_a"}, {"id": "0_b"}], "totalCount": 2})];
        assert_eq!(
            replace_references("{1:result:objects:1:id}", &results),
            "0_b"
        );
        assert_eq!(
            replace_references("{1:result:objects:_all:id}", &results),
            "0_a,0_b,"
        );
        assert_eq!(
            replace_references("n={1:result:totalCount}!", &results),
            "n=2!"
        );
        assert_eq!(replace_references("{2:result:x}", &results), "");
        assert_eq!(replace_references("{not a ref}", &results), "{not a ref}");
    }

    #[test]
    fn runs_in_order_and_stops_at_a_gap() {
        let params = Params::from_value(&json!({
            "ks": "K",
            "0": {"service": "a", "action": "x"},
            "1": {"service": "b", "action": "y", "id": "{1:result:id}"},
            "3": {"service": "c", "action": "z"},
        }));
        let seen = std::cell::RefCell::new(Vec::new());
        let outcomes = run(&params, |sub| {
            seen.borrow_mut()
                .push((sub.text("service").unwrap(), sub.text("ks"), sub.text("id")));
            Ok(Reply::Value(json!({"id": "first"})))
        });
        assert_eq!(outcomes.len(), 2);
        assert_eq!(
            seen.borrow()[1],
            ("b".into(), Some("K".into()), Some("first".into()))
        );
    }
}
