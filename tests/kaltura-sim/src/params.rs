//! Request parameters as Kaltura's front controller sees them: the body
//! (JSON when `Content-Type` is exactly `application/json`, form fields in
//! bracket or colon notation, or a multipart `json` field), overridden by
//! the query string, overridden by `/key/value` path pairs, all folded into
//! one JSON tree. Values from forms stay strings; the accessors coerce the
//! way PHP does.

use serde_json::{Map, Value};

use crate::http::Request;

/// One level of parameters (the request's, or a nested object's).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(pub Map<String, Value>);

impl Params {
    pub fn from_request(request: &Request) -> Params {
        let mut tree = Map::new();
        merge(&mut tree, body_params(request));
        merge(&mut tree, flat_to_tree(form_pairs(&request.query)));
        merge(&mut tree, flat_to_tree(path_pairs(&request.path)));
        apply_null_markers(&mut tree);
        Params(tree)
    }

    pub fn from_value(value: &Value) -> Params {
        match value {
            Value::Object(map) => Params(map.clone()),
            _ => Params::default(),
        }
    }

    /// A present, non-null value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key).filter(|value| !value.is_null())
    }

    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(as_text)
    }

    /// Text that is present and not empty.
    pub fn nonempty(&self, key: &str) -> Option<String> {
        self.text(key).filter(|text| !text.is_empty())
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        self.get(key).and_then(as_int)
    }

    pub fn float(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(as_float)
    }

    pub fn bool(&self, key: &str) -> Option<bool> {
        self.get(key).map(as_bool)
    }

    pub fn object(&self, key: &str) -> Option<Params> {
        match self.get(key)? {
            Value::Object(map) => Some(Params(map.clone())),
            _ => None,
        }
    }

    /// An array parameter: a JSON array, or form-style `{ "0": .., "1": .. }`
    /// sorted by key as Kaltura does.
    pub fn list(&self, key: &str) -> Vec<Value> {
        match self.get(key) {
            Some(Value::Array(items)) => items.clone(),
            Some(Value::Object(map)) => {
                let mut keyed: Vec<(&String, &Value)> = map.iter().collect();
                keyed.sort_by_key(|(key, _)| key.parse::<i64>().unwrap_or(i64::MAX));
                keyed.into_iter().map(|(_, value)| value.clone()).collect()
            }
            _ => Vec::new(),
        }
    }

    /// A comma-separated list parameter (`idIn`, `entryIdIn`, …).
    pub fn csv(&self, key: &str) -> Option<Vec<String>> {
        self.text(key).map(|text| {
            text.split(',')
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(str::to_owned)
                .collect()
        })
    }

    pub fn object_type(&self) -> Option<String> {
        self.nonempty("objectType")
    }
}

pub fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(true) => Some("1".into()),
        Value::Bool(false) => Some("0".into()),
        _ => None,
    }
}

/// PHP `(int)`: leading digits count, anything else is 0; `"true"` is 1.
pub fn as_int(value: &Value) -> Option<i64> {
    match value {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().map(|f| f as i64)),
        Value::Bool(flag) => Some(i64::from(*flag)),
        Value::String(text) => {
            let text = text.trim();
            if text.eq_ignore_ascii_case("true") {
                return Some(1);
            }
            if text.eq_ignore_ascii_case("false") {
                return Some(0);
            }
            text.parse::<i64>()
                .ok()
                .or_else(|| text.parse::<f64>().ok().map(|f| f as i64))
        }
        _ => None,
    }
}

pub fn as_float(value: &Value) -> Option<f64> {
    match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// Kaltura's bool coercion: `"false"` (any case) is false, then PHP
/// truthiness (`""` and `"0"` are false).
pub fn as_bool(value: &Value) -> bool {
    match value {
        Value::Bool(flag) => *flag,
        Value::Number(number) => number.as_f64() != Some(0.0),
        Value::String(text) => {
            !(text.is_empty() || text == "0" || text.eq_ignore_ascii_case("false"))
        }
        Value::Null => false,
        _ => true,
    }
}

fn body_params(request: &Request) -> Map<String, Value> {
    let content_type = request.header("content-type").unwrap_or("").trim();
    let essence = content_type.split(';').next().unwrap_or("").trim();
    // Kaltura reads JSON only under this exact type, `; charset=…` included.
    if content_type.eq_ignore_ascii_case("application/json") {
        return json_object(&request.body);
    }
    if essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return flat_to_tree(form_pairs(&String::from_utf8_lossy(&request.body)));
    }
    if essence.eq_ignore_ascii_case("multipart/form-data") {
        if let Some(boundary) = boundary(content_type) {
            return multipart_params(&request.body, &boundary);
        }
    }
    Map::new()
}

fn json_object(body: &[u8]) -> Map<String, Value> {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    if !(trimmed.starts_with('{') && trimmed.ends_with('}')) {
        return Map::new();
    }
    match serde_json::from_str(trimmed) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').map(str::trim).find_map(|part| {
        part.strip_prefix("boundary=")
            .map(|value| value.trim_matches('"').to_owned())
    })
}

/// Form fields of a multipart body; a field named `json` holds the
/// parameters as JSON.
fn multipart_params(body: &[u8], boundary: &str) -> Map<String, Value> {
    let text = String::from_utf8_lossy(body);
    let delimiter = format!("--{boundary}");
    let mut pairs = Vec::new();
    let mut json = Map::new();
    for part in text.split(delimiter.as_str()).skip(1) {
        let Some((head, content)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let content = content.strip_suffix("\r\n").unwrap_or(content);
        let Some(name) = head
            .split(';')
            .map(str::trim)
            .find_map(|item| item.strip_prefix("name="))
            .map(|name| name.trim_matches('"').to_owned())
        else {
            continue;
        };
        if name == "json" {
            json = json_object(content.as_bytes());
        } else {
            pairs.push((name, content.to_owned()));
        }
    }
    let mut tree = flat_to_tree(pairs);
    merge(&mut tree, json);
    tree
}

/// `/api_v3[/index.php]/service/x/action/y/key/value…` as pairs.
fn path_pairs(path: &str) -> Vec<(String, String)> {
    let rest = path.strip_prefix("/api_v3").unwrap_or("");
    let rest = rest.strip_prefix("/index.php").unwrap_or(rest);
    let segments: Vec<String> = rest
        .split('/')
        .filter(|segment| !segment.is_empty())
        .map(percent_decode)
        .collect();
    segments
        .chunks(2)
        .map(|pair| (pair[0].clone(), pair.get(1).cloned().unwrap_or_default()))
        .collect()
}

pub fn form_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (form_decode(name), form_decode(value))
        })
        .collect()
}

fn form_decode(text: &str) -> String {
    percent_decode(&text.replace('+', " "))
}

pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                index += 3;
            }
            None => {
                out.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `filter[objectType]=X`, `filter:objectType=X` and `1:filter:pageSize=5`
/// become nested objects; `name__null` sets `name` to null.
pub fn flat_to_tree(pairs: Vec<(String, String)>) -> Map<String, Value> {
    let mut tree = Map::new();
    for (key, value) in pairs {
        let normalized = key.replace('[', ":").replace(']', "");
        let mut segments: Vec<&str> = normalized.split(':').filter(|s| !s.is_empty()).collect();
        let Some(last) = segments.pop() else { continue };
        let (last, value) = match last.strip_suffix("__null") {
            Some(name) => (name, Value::Null),
            None => (last, Value::String(value)),
        };
        let mut node = &mut tree;
        for segment in segments {
            let child = node
                .entry(segment.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !child.is_object() {
                *child = Value::Object(Map::new());
            }
            node = child.as_object_mut().expect("just made an object");
        }
        node.insert(last.to_owned(), value);
    }
    tree
}

/// `{"x__null": ..}` in a JSON body (the Python client's way to unset a
/// field) sets `x` to null, as in form bodies.
fn apply_null_markers(tree: &mut Map<String, Value>) {
    let marked: Vec<String> = tree
        .keys()
        .filter(|key| key.ends_with("__null"))
        .cloned()
        .collect();
    for key in marked {
        tree.remove(&key);
        tree.insert(key.trim_end_matches("__null").to_owned(), Value::Null);
    }
    for value in tree.values_mut() {
        if let Value::Object(inner) = value {
            apply_null_markers(inner);
        }
    }
}

/// PHP `array_replace_recursive`: `over` wins, objects merge.
fn merge(base: &mut Map<String, Value>, over: Map<String, Value>) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(Value::Object(inner)), Value::Object(over_inner)) => merge(inner, over_inner),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(path: &str, query: &str, content_type: &str, body: &str) -> Request {
        Request {
            method: "POST".into(),
            path: path.into(),
            query: query.into(),
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn json_body_only_under_the_exact_type() {
        let body = r#"{"ks":"abc","format":1,"filter":{"nameLike":"x"}}"#;
        let params = Params::from_request(&request(
            "/api_v3/service/media/action/list",
            "",
            "application/json",
            body,
        ));
        assert_eq!(params.text("ks").as_deref(), Some("abc"));
        assert_eq!(params.text("service").as_deref(), Some("media"));
        assert_eq!(
            params.object("filter").unwrap().text("nameLike").as_deref(),
            Some("x")
        );
        let nulled = Params::from_request(&request(
            "/api_v3/service/media/action/list",
            "",
            "application/json",
            r#"{"filter":{"tagsLike__null":"","nameLike":"x"}}"#,
        ));
        assert_eq!(
            nulled.object("filter").unwrap().0.get("tagsLike"),
            Some(&Value::Null)
        );
        let ignored = Params::from_request(&request(
            "/api_v3/service/media/action/list",
            "",
            "application/json; charset=utf-8",
            body,
        ));
        assert_eq!(ignored.get("ks"), None);
    }

    #[test]
    fn forms_in_bracket_colon_and_null_notation() {
        let body = "ks=k&filter%5BobjectType%5D=KalturaMediaEntryFilter&pager:pageSize=5&1:filter:nameLike=a+b&filter:tagsLike__null=";
        let params = Params::from_request(&request(
            "/api_v3/index.php",
            "service=media&action=list",
            "application/x-www-form-urlencoded",
            body,
        ));
        assert_eq!(params.text("action").as_deref(), Some("list"));
        let filter = params.object("filter").unwrap();
        assert_eq!(
            filter.object_type().as_deref(),
            Some("KalturaMediaEntryFilter")
        );
        assert_eq!(filter.0.get("tagsLike"), Some(&Value::Null));
        assert_eq!(params.object("pager").unwrap().int("pageSize"), Some(5));
        assert_eq!(
            params
                .object("1")
                .unwrap()
                .object("filter")
                .unwrap()
                .text("nameLike")
                .as_deref(),
            Some("a b")
        );
    }

    #[test]
    fn url_overrides_body_and_multipart_json_is_read() {
        let body = "--XX\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"format\":2,\"entryId\":\"0_a\"}\r\n--XX--\r\n";
        let params = Params::from_request(&request(
            "/api_v3/service/media/action/get/format/1",
            "",
            "multipart/form-data; boundary=XX",
            body,
        ));
        assert_eq!(params.int("format"), Some(1));
        assert_eq!(params.text("entryId").as_deref(), Some("0_a"));
    }

    #[test]
    fn coercion_is_phps() {
        assert!(!as_bool(&json!("False")));
        assert!(!as_bool(&json!("0")));
        assert!(as_bool(&json!("True")));
        assert_eq!(as_int(&json!("12abc")), None);
        assert_eq!(as_int(&json!("true")), Some(1));
        let params = Params(
            json!({"items": {"1": "b", "0": "a"}})
                .as_object()
                .unwrap()
                .clone(),
        );
        assert_eq!(params.list("items"), vec![json!("a"), json!("b")]);
    }
}
