//! Identifier newtypes, validated where they enter (tool arguments, config,
//! API responses we key on), so the rest of the code cannot hold a bad one.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("partner id must be a positive integer, got {0:?}")]
    PartnerId(String),
    #[error("entry id must look like 1_abcd1234 (digit, underscore, 8 lowercase letters or digits), got {0:?}")]
    EntryId(String),
    #[error("asset id must look like 1_abcd1234 (digit, underscore, 8 lowercase letters or digits), got {0:?}")]
    AssetId(String),
}

/// A Kaltura partner (account) id: a positive integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Value", into = "u64")]
pub struct PartnerId(u64);

impl PartnerId {
    pub fn new(id: u64) -> Result<Self, IdError> {
        if id == 0 {
            return Err(IdError::PartnerId(id.to_string()));
        }
        Ok(PartnerId(id))
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

impl std::str::FromStr for PartnerId {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, IdError> {
        text.trim()
            .parse::<u64>()
            .ok()
            .and_then(|id| PartnerId::new(id).ok())
            .ok_or_else(|| IdError::PartnerId(text.to_owned()))
    }
}

/// Kaltura sends partner ids as numbers, sometimes as strings.
impl TryFrom<serde_json::Value> for PartnerId {
    type Error = IdError;

    fn try_from(value: serde_json::Value) -> Result<Self, IdError> {
        match &value {
            serde_json::Value::Number(number) => number
                .as_u64()
                .and_then(|id| PartnerId::new(id).ok())
                .ok_or_else(|| IdError::PartnerId(value.to_string())),
            serde_json::Value::String(text) => text.parse(),
            _ => Err(IdError::PartnerId(value.to_string())),
        }
    }
}

impl From<PartnerId> for u64 {
    fn from(id: PartnerId) -> u64 {
        id.0
    }
}

impl fmt::Display for PartnerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Kaltura object ids (entries, assets): `<data centre digit>_<8 of
/// [0-9a-z]>`, e.g. `1_a1b2c3d4`. Each kind gets its own type so an asset
/// id cannot be passed where an entry id is meant.
macro_rules! object_id {
    ($(#[$doc:meta])* $name:ident, $error:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;

            fn from_str(text: &str) -> Result<Self, IdError> {
                if is_object_id(text) {
                    Ok($name(text.to_owned()))
                } else {
                    Err(IdError::$error(text.to_owned()))
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;

            fn try_from(text: String) -> Result<Self, IdError> {
                text.parse()
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn inline_schema() -> bool {
                true
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "pattern": OBJECT_ID_PATTERN })
            }
        }
    };
}

/// The shape of entry and asset ids, as a JSON Schema pattern.
pub const OBJECT_ID_PATTERN: &str = "^[0-9]_[a-z0-9]{8}$";

fn is_object_id(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[0].is_ascii_digit()
        && bytes[1] == b'_'
        && bytes[2..]
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

object_id!(
    /// A Kaltura entry id, e.g. `1_a1b2c3d4`.
    EntryId,
    EntryId
);

object_id!(
    /// A Kaltura asset id (caption, attachment, flavor), e.g. `1_x9y8z7w6`.
    AssetId,
    AssetId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ids_are_validated() {
        assert!("1_a1b2c3d4".parse::<EntryId>().is_ok());
        assert!("0_ba9href0".parse::<EntryId>().is_ok());
        for bad in [
            "",
            "1_A1B2C3D4",
            "12_a1b2c3d",
            "1-a1b2c3d4",
            "1_a1b2c3d45",
            "x_a1b2c3d4",
        ] {
            assert!(bad.parse::<EntryId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn asset_ids_share_the_shape_and_the_schema_says_so() {
        assert!("1_x9y8z7w6".parse::<AssetId>().is_ok());
        assert!(matches!("1_X".parse::<AssetId>(), Err(IdError::AssetId(_))));
        let schema = schemars::schema_for!(EntryId).to_value();
        assert_eq!(schema["pattern"], OBJECT_ID_PATTERN);
    }

    #[test]
    fn partner_ids_accept_numbers_and_numeric_strings() {
        let from_number: PartnerId = serde_json::from_str("1234567").unwrap();
        let from_string: PartnerId = serde_json::from_str("\"1234567\"").unwrap();
        assert_eq!(from_number, from_string);
        assert!(serde_json::from_str::<PartnerId>("0").is_err());
        assert!(serde_json::from_str::<PartnerId>("\"-5\"").is_err());
        assert_eq!(serde_json::to_string(&from_number).unwrap(), "1234567");
    }
}
