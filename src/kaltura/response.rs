//! Turning api_v3 response bytes into values or [`KalturaError`]s: status
//! first, then JSON, then the `KalturaAPIException` check (errors arrive on
//! HTTP 200), then the typed decode.

use super::error::{status_hint, KalturaError, TRUNCATED};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;

const API_EXCEPTION: &str = "KalturaAPIException";

/// The JSON value of a response, or why there is none.
pub(crate) fn parse_body(host: &str, status: u16, body: &[u8]) -> Result<Value, KalturaError> {
    if status != 200 {
        return Err(KalturaError::Status {
            host: host.to_owned(),
            status,
            hint: status_hint(status),
        });
    }
    let decode = |detail: String| KalturaError::Decode {
        host: host.to_owned(),
        detail,
    };
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(decode(format!("{TRUNCATED} (no body at all)")));
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(value) => Ok(value),
        Err(error) if error.is_eof() => Err(decode(format!(
            "{TRUNCATED} (after {} bytes); the connection was probably cut",
            body.len()
        ))),
        Err(_) if trimmed.starts_with('<') => Err(decode(
            "got an HTML or XML page instead of api_v3 JSON; check that the service URL is the Kaltura API base (e.g. https://www.kaltura.com)"
                .to_owned(),
        )),
        Err(error) => Err(decode(format!("the body is not JSON ({error})"))),
    }
}

/// Decodes one result (a whole response, or one multirequest element).
pub(crate) fn decode_value<T: DeserializeOwned>(
    host: &str,
    value: Value,
) -> Result<T, KalturaError> {
    if let Some(error) = api_exception(&value) {
        return Err(error);
    }
    serde_path_to_error::deserialize(value).map_err(|error| KalturaError::Decode {
        host: host.to_owned(),
        detail: format!("unexpected shape at `{}`: {}", error.path(), error.inner()),
    })
}

/// A `KalturaAPIException` object as an error. `args` may be `{}` or `[]`
/// (PHP encodes an empty map as a list); values are stringified.
fn api_exception(value: &Value) -> Option<KalturaError> {
    let object = value.as_object()?;
    if object.get("objectType").and_then(Value::as_str) != Some(API_EXCEPTION) {
        return None;
    }
    let text = |key: &str| match object.get(key) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let args: BTreeMap<String, String> = match object.get("args") {
        Some(Value::Object(map)) => map
            .iter()
            .map(|(key, value)| {
                let value = match value {
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                (key.clone(), value)
            })
            .collect(),
        _ => BTreeMap::new(),
    };
    Some(KalturaError::Api {
        code: text("code"),
        message: text("message"),
        args,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kaltura::model::MediaEntry;

    fn parse(status: u16, body: &str) -> Result<Value, KalturaError> {
        parse_body("k.example", status, body.as_bytes())
    }

    #[test]
    fn api_exceptions_on_http_200_become_api_errors() {
        for args in [r#"{"ENTRY_ID":"1_nosuch00"}"#, "[]"] {
            let body = format!(
                r#"{{"code":"ENTRY_ID_NOT_FOUND","message":"Entry id \"1_nosuch00\" not found","objectType":"KalturaAPIException","args":{args}}}"#
            );
            let error =
                decode_value::<MediaEntry>("k.example", parse(200, &body).unwrap()).unwrap_err();
            assert_eq!(error.api_code(), Some("ENTRY_ID_NOT_FOUND"));
            assert!(!error.is_retryable());
            assert!(error
                .to_string()
                .contains("Entry id \"1_nosuch00\" not found"));
        }
    }

    #[test]
    fn bad_bodies_explain_themselves() {
        let html = parse(200, "<html><body>Bad gateway</body></html>").unwrap_err();
        assert!(html.to_string().contains("HTML or XML page"), "{html}");
        assert!(!html.is_retryable());
        let cut = parse(200, r#"{"objects":[{"id":"1_a"#).unwrap_err();
        assert!(cut.to_string().contains("ended early"), "{cut}");
        assert!(cut.is_retryable());
        assert!(parse(200, "").unwrap_err().is_retryable());
        let garbage = parse(200, "hello").unwrap_err();
        assert!(garbage.to_string().contains("not JSON"), "{garbage}");
        let status = parse(502, "<html>").unwrap_err();
        assert!(status.is_retryable());
        assert!(status.to_string().contains("HTTP 502"), "{status}");
        assert!(!parse(404, "").unwrap_err().is_retryable());
    }

    #[test]
    fn shape_errors_name_the_path() {
        let error = decode_value::<Vec<MediaEntry>>("k.example", serde_json::json!([{"id": 5}]))
            .unwrap_err();
        assert!(error.to_string().contains("[0].id"), "{error}");
    }
}
