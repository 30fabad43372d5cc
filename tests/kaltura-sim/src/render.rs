//! Serializers for api_v3 results: JSON (`format=1`) with `objectType` as
//! the last key, and XML (`format=2`, the default) with `objectType` as the
//! first element, booleans as `1`/`0`, arrays as `<item>`s and errors as
//! `<error>`, which is what Kaltura's official Python client parses.

use serde_json::{Map, Value};

use crate::error::ApiError;

/// What an action produced: a value or an API exception.
pub type Outcome = Result<Value, ApiError>;

pub fn json(outcome: &Outcome) -> String {
    let mut out = String::new();
    match outcome {
        Ok(value) => write_json(&mut out, value),
        Err(error) => write_json(&mut out, &error.to_value()),
    }
    out
}

/// A multirequest's results, one per executed sub-request.
pub fn json_multi(outcomes: &[Outcome]) -> String {
    let items: Vec<Value> = outcomes.iter().map(outcome_value).collect();
    let mut out = String::new();
    write_json(&mut out, &Value::Array(items));
    out
}

pub fn xml(outcome: &Outcome, seconds: f64) -> String {
    let mut body = String::new();
    write_xml_outcome(&mut body, outcome);
    wrap_xml(&body, seconds)
}

pub fn xml_multi(outcomes: &[Outcome], seconds: f64) -> String {
    let mut body = String::new();
    for outcome in outcomes {
        body.push_str("<item>");
        write_xml_outcome(&mut body, outcome);
        body.push_str("</item>");
    }
    wrap_xml(&body, seconds)
}

fn outcome_value(outcome: &Outcome) -> Value {
    match outcome {
        Ok(value) => value.clone(),
        Err(error) => error.to_value(),
    }
}

fn wrap_xml(result: &str, seconds: f64) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><xml><result>{result}</result><executionTime>{seconds:.6}</executionTime></xml>"
    )
}

fn write_xml_outcome(out: &mut String, outcome: &Outcome) {
    match outcome {
        Ok(value) => write_xml_value(out, value),
        Err(error) => {
            out.push_str("<error><objectType>KalturaAPIException</objectType>");
            out.push_str(&format!("<code>{}</code>", escape(&error.code)));
            out.push_str(&format!("<message>{}</message>", escape(&error.message)));
            out.push_str("<args>");
            for (name, value) in &error.args {
                out.push_str(&format!(
                    "<item><objectType>KalturaApiExceptionArg</objectType><name>{}</name><value>{}</value></item>",
                    escape(name),
                    escape(value)
                ));
            }
            out.push_str("</args></error>");
        }
    }
}

fn write_xml_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => {}
        Value::Bool(flag) => out.push_str(if *flag { "1" } else { "0" }),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => out.push_str(&escape(text)),
        Value::Array(items) => {
            for item in items {
                out.push_str("<item>");
                write_xml_value(out, item);
                out.push_str("</item>");
            }
        }
        Value::Object(map) => {
            if let Some(Value::String(object_type)) = map.get("objectType") {
                out.push_str(&format!("<objectType>{}</objectType>", escape(object_type)));
            }
            for (key, field) in map {
                if key == "objectType" || field.is_null() {
                    continue;
                }
                out.push_str(&format!("<{key}>"));
                write_xml_value(out, field);
                out.push_str(&format!("</{key}>"));
            }
        }
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// Like PHP's `json_encode` of a Kaltura object: nulls dropped,
/// `objectType` last, `/` escaped as `\/`.
fn write_json(out: &mut String, value: &Value) {
    match value {
        Value::Object(map) => write_json_object(out, map),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Value::String(text) => {
            let encoded = serde_json::to_string(text).expect("strings serialize");
            out.push_str(&encoded.replace('/', "\\/"));
        }
        other => out.push_str(&other.to_string()),
    }
}

fn write_json_object(out: &mut String, map: &Map<String, Value>) {
    out.push('{');
    let mut first = true;
    // Exceptions keep PHP's declaration order: code, message, objectType, args.
    let is_exception = map.get("objectType") == Some(&Value::String("KalturaAPIException".into()));
    let order: Vec<(&String, &Value)> = if is_exception {
        ["code", "message", "objectType", "args"]
            .iter()
            .filter_map(|key| map.get_key_value(*key))
            .collect()
    } else {
        map.iter()
            .filter(|(key, field)| *key != "objectType" && !field.is_null())
            .chain(map.get_key_value("objectType"))
            .collect()
    };
    for (key, field) in order {
        if !first {
            out.push(',');
        }
        first = false;
        write_json(out, &Value::String(key.clone()));
        out.push(':');
        write_json(out, field);
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_puts_object_type_last_and_drops_nulls() {
        let value = json!({"objectType": "KalturaX", "b": null, "a": "x/y", "z": [true]});
        assert_eq!(
            json(&Ok(value)),
            r#"{"a":"x\/y","z":[true],"objectType":"KalturaX"}"#
        );
    }

    #[test]
    fn errors_without_args_have_an_array() {
        let error = ApiError::new("X", "m", &[]);
        assert_eq!(
            json(&Err(error)),
            r#"{"code":"X","message":"m","objectType":"KalturaAPIException","args":[]}"#
        );
    }

    #[test]
    fn xml_shapes() {
        let value = json!({"objectType": "KalturaX", "flag": false, "list": [{"objectType": "KalturaY", "id": "a<b"}]});
        let text = xml(&Ok(value), 0.0);
        assert!(text.contains("<result><objectType>KalturaX</objectType><flag>0</flag><list><item><objectType>KalturaY</objectType><id>a&lt;b</id></item></list></result>"), "{text}");
        let error = xml(&Err(ApiError::entry_not_found("0_x")), 0.0);
        assert!(error.contains("<error><objectType>KalturaAPIException</objectType><code>ENTRY_ID_NOT_FOUND</code>"), "{error}");
    }
}
