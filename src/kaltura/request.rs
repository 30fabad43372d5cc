//! One api_v3 call, typed by what it returns ([`Call`]), and several calls
//! sent in one round trip ([`MultiRequest`]). Building a call never fails:
//! parameters are JSON values, nested objects carry their own `objectType`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::marker::PhantomData;

/// `service.action(params)`, answering a `T`.
#[derive(Debug, Clone, PartialEq)]
pub struct Call<T> {
    pub(crate) service: &'static str,
    pub(crate) action: &'static str,
    pub(crate) params: Map<String, Value>,
    answer: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Call<T> {
    pub fn new(service: &'static str, action: &'static str) -> Self {
        Call {
            service,
            action,
            params: Map::new(),
            answer: PhantomData,
        }
    }

    /// Adds a parameter; `None`/null values are left out, as Kaltura's own
    /// clients do.
    pub fn param(mut self, name: &str, value: impl Serialize) -> Self {
        match serde_json::to_value(value) {
            Ok(Value::Null) | Err(_) => {}
            Ok(value) => {
                self.params.insert(name.to_owned(), value);
            }
        }
        self
    }

    pub fn service(&self) -> &'static str {
        self.service
    }

    pub fn action(&self) -> &'static str {
        self.action
    }

    pub fn params(&self) -> &Map<String, Value> {
        &self.params
    }
}

/// Several calls in one `service/multirequest` round trip. Each [`Slot`]
/// fetches its own typed result; a later call can use an earlier one's
/// result through [`Slot::reference`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MultiRequest {
    pub(crate) calls: Vec<(&'static str, &'static str, Map<String, Value>)>,
}

/// A call's place in a [`MultiRequest`] (1-based, as Kaltura numbers them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot<T> {
    pub(crate) ordinal: usize,
    answer: PhantomData<fn() -> T>,
}

impl MultiRequest {
    pub fn new() -> Self {
        MultiRequest::default()
    }

    pub fn add<T: DeserializeOwned>(&mut self, call: Call<T>) -> Slot<T> {
        self.calls.push((call.service, call.action, call.params));
        Slot {
            ordinal: self.calls.len(),
            answer: PhantomData,
        }
    }

    pub fn len(&self) -> usize {
        self.calls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// The JSON body's numbered sub-requests: `{"1": {"service", "action", ...}}`.
    pub(crate) fn numbered_params(&self) -> Map<String, Value> {
        self.calls
            .iter()
            .enumerate()
            .map(|(index, (service, action, params))| {
                let mut request = Map::new();
                request.insert("service".into(), Value::from(*service));
                request.insert("action".into(), Value::from(*action));
                request.extend(params.clone());
                ((index + 1).to_string(), Value::Object(request))
            })
            .collect()
    }
}

impl<T> Slot<T> {
    /// `{N:result:path:...}`: Kaltura substitutes this call's result (or a
    /// property on it, e.g. `["objects", "0", "id"]`) into a later call's
    /// parameter. `_all` as a segment joins a property across an array.
    pub fn reference(&self, path: &[&str]) -> String {
        let mut reference = format!("{{{}:result", self.ordinal);
        for segment in path {
            reference.push(':');
            reference.push_str(segment);
        }
        reference.push('}');
        reference
    }

    pub fn ordinal(&self) -> usize {
        self.ordinal
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kaltura::model::MediaEntry;
    use serde_json::json;

    #[test]
    fn null_params_are_left_out() {
        let call: Call<MediaEntry> = Call::new("media", "get")
            .param("entryId", "1_abcdefgh")
            .param("version", None::<i64>);
        assert_eq!(Value::Object(call.params), json!({"entryId": "1_abcdefgh"}));
    }

    #[test]
    fn multirequests_number_from_one_and_reference_results() {
        let mut batch = MultiRequest::new();
        let entry =
            batch.add(Call::<MediaEntry>::new("media", "get").param("entryId", "1_abcdefgh"));
        let captions = batch.add(Call::<Value>::new("caption_captionasset", "list").param(
            "filter",
            json!({"objectType": "KalturaCaptionAssetFilter", "entryIdEqual": entry.reference(&["id"])}),
        ));
        assert_eq!((entry.ordinal(), captions.ordinal()), (1, 2));
        assert_eq!(
            Value::Object(batch.numbered_params()),
            json!({
                "1": {"service": "media", "action": "get", "entryId": "1_abcdefgh"},
                "2": {"service": "caption_captionasset", "action": "list",
                      "filter": {"objectType": "KalturaCaptionAssetFilter", "entryIdEqual": "{1:result:id}"}}
            })
        );
        assert_eq!(
            captions.reference(&["objects", "_all", "id"]),
            "{2:result:objects:_all:id}"
        );
    }
}
