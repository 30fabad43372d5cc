//! Lenient field decoders. Kaltura emits DB values with their PHP runtime
//! type, so a number may arrive as `"1"`, a bool as `1` or `"true"`, and a
//! string enum as a number. These accept every such form and map anything
//! unusable to `None` rather than failing the whole object.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

pub fn int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(number) => number
            .as_i64()
            .or_else(|| number.as_f64().map(|float| float as i64)),
        Value::String(text) => text.trim().parse::<i64>().ok().or_else(|| {
            text.trim()
                .parse::<f64>()
                .ok()
                .filter(|float| float.is_finite())
                .map(|float| float as i64)
        }),
        Value::Bool(flag) => Some(flag as i64),
        _ => None,
    })
}

pub fn float<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    })
}

pub fn boolean<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Bool(flag) => Some(flag),
        Value::Number(number) => number.as_i64().map(|n| n != 0),
        Value::String(text) => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Some(true),
            "false" | "0" | "" => Some(false),
            _ => None,
        },
        _ => None,
    })
}

/// A string, or a number/bool rendered as one (string enums sent as ints).
pub fn string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => Some(text),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Sample {
        #[serde(deserialize_with = "super::int")]
        count: Option<i64>,
        #[serde(deserialize_with = "super::float")]
        rate: Option<f64>,
        #[serde(deserialize_with = "super::boolean")]
        flag: Option<bool>,
        #[serde(deserialize_with = "super::string")]
        format: Option<String>,
    }

    fn sample(json: &str) -> Sample {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn numbers_arrive_as_numbers_or_strings() {
        let parsed = sample(r#"{"count":"42","rate":"2.5","flag":"True","format":2}"#);
        assert_eq!(parsed.count, Some(42));
        assert_eq!(parsed.rate, Some(2.5));
        assert_eq!(parsed.flag, Some(true));
        assert_eq!(parsed.format.as_deref(), Some("2"));
        let parsed = sample(r#"{"count":7,"rate":1,"flag":0,"format":"3"}"#);
        assert_eq!(
            (parsed.count, parsed.rate, parsed.flag),
            (Some(7), Some(1.0), Some(false))
        );
    }

    #[test]
    fn absent_null_or_garbage_is_none() {
        let parsed = sample(r#"{"count":null,"rate":"fast","flag":[],"format":{}}"#);
        assert_eq!(parsed.count, None);
        assert_eq!(parsed.rate, None);
        assert_eq!(parsed.flag, None);
        assert_eq!(parsed.format, None);
        assert_eq!(sample("{}").count, None);
    }
}
