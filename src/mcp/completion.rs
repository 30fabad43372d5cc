//! `completion/complete`: suggestions for a prompt argument or a resource
//! template variable as the person types. The protocol side only: prompts
//! and templates say what to suggest ([`Complete`]).

use super::registry::BoxFuture;
use serde_json::{json, Map, Value};

/// At most this many values go back, as the spec allows.
pub const MAX_VALUES: usize = 100;

/// What `completion/complete` asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    Prompt(String),
    /// A resource template, by its URI template.
    Resource(String),
}

/// The parsed request: what, which argument, what is typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionRequest {
    pub reference: Reference,
    pub argument: String,
    pub value: String,
}

impl CompletionRequest {
    pub fn parse(params: &Map<String, Value>) -> Result<Self, String> {
        let reference = params
            .get("ref")
            .and_then(Value::as_object)
            .ok_or("completion/complete needs a `ref` object")?;
        let reference = match reference.get("type").and_then(Value::as_str) {
            Some("ref/prompt") => Reference::Prompt(
                reference
                    .get("name")
                    .and_then(Value::as_str)
                    .ok_or("a ref/prompt needs a `name`")?
                    .to_owned(),
            ),
            Some("ref/resource") => Reference::Resource(
                reference
                    .get("uri")
                    .and_then(Value::as_str)
                    .ok_or("a ref/resource needs a `uri`")?
                    .to_owned(),
            ),
            _ => return Err("`ref.type` must be ref/prompt or ref/resource".into()),
        };
        let argument = params
            .get("argument")
            .and_then(Value::as_object)
            .ok_or("completion/complete needs an `argument` object")?;
        Ok(CompletionRequest {
            reference,
            argument: argument
                .get("name")
                .and_then(Value::as_str)
                .ok_or("`argument.name` must be a string")?
                .to_owned(),
            value: argument
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        })
    }
}

/// A completer: (context, argument name, typed value) → suggestions.
pub type Completer<C> = Box<dyn Fn(C, String, String) -> BoxFuture<Vec<String>>>;

/// The `CompleteResult` for `values` (cut to [`MAX_VALUES`]).
pub fn result(mut values: Vec<String>) -> Map<String, Value> {
    let total = values.len();
    values.truncate(MAX_VALUES);
    let completion = json!({ "values": values, "total": total, "hasMore": total > MAX_VALUES });
    let mut result = Map::new();
    result.insert("completion".into(), completion);
    result
}

/// The `options` that start with `prefix` (ignoring case), in order.
pub fn matching(options: &[&str], prefix: &str) -> Vec<String> {
    let prefix = prefix.to_lowercase();
    options
        .iter()
        .filter(|option| option.to_lowercase().starts_with(&prefix))
        .map(|option| option.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prompt_and_resource_references() {
        let prompt = json!({"ref": {"type": "ref/prompt", "name": "p"}, "argument": {"name": "a", "value": "x"}});
        let parsed = CompletionRequest::parse(prompt.as_object().unwrap()).unwrap();
        assert_eq!(parsed.reference, Reference::Prompt("p".into()));
        assert_eq!(
            (parsed.argument.as_str(), parsed.value.as_str()),
            ("a", "x")
        );
        let resource =
            json!({"ref": {"type": "ref/resource", "uri": "t://{id}"}, "argument": {"name": "id"}});
        let parsed = CompletionRequest::parse(resource.as_object().unwrap()).unwrap();
        assert_eq!(parsed.reference, Reference::Resource("t://{id}".into()));
        assert_eq!(parsed.value, "");
        for bad in [
            json!({}),
            json!({"ref": {"type": "ref/tool"}, "argument": {"name": "a"}}),
            json!({"ref": {"type": "ref/prompt", "name": "p"}}),
        ] {
            assert!(
                CompletionRequest::parse(bad.as_object().unwrap()).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn results_are_capped_and_filtered() {
        let many: Vec<String> = (0..150).map(|n| n.to_string()).collect();
        let capped = result(many);
        assert_eq!(
            capped["completion"]["values"].as_array().unwrap().len(),
            100
        );
        assert_eq!(capped["completion"]["total"], 150);
        assert_eq!(capped["completion"]["hasMore"], true);
        assert_eq!(
            matching(&["last_7_days", "last_month", "today"], "LAST"),
            ["last_7_days", "last_month"]
        );
    }
}
