//! Fixtures that need the client (sampling, elicitation), and the helpers
//! the `input_required` flows share: legacy clients are asked on the
//! request's own event stream, 2026-07-28 clients get an `input_required`
//! result and retry with the answers ([`crate::mcp::input`]).

use super::{required, text};
use crate::context::Context;
use crate::mcp::exchange::Exchange;
use crate::mcp::input::{Gathered, Need};
use crate::mcp::jsonrpc::RpcError;
use crate::mcp::tool::{RawTool, ToolRegistry};
use serde_json::{json, Map, Value};

pub fn register(tools: &mut ToolRegistry<Context>) {
    tools
        .register_raw::<Sampling>()
        .register_raw::<Elicitation>()
        .register_raw::<ElicitationDefaults>()
        .register_raw::<ElicitationEnums>()
        .register_raw::<StreamingElicitation>()
        .register_raw::<MissingCapability>();
}

pub(super) fn elicit(key: &'static str, message: &str, schema: Value) -> Need {
    Need {
        key,
        method: "elicitation/create",
        params: json!({ "message": message, "requestedSchema": schema }),
    }
}

pub(super) fn sample(key: &'static str, prompt: &str, max_tokens: u32) -> Need {
    Need {
        key,
        method: "sampling/createMessage",
        params: json!({
            "messages": [{ "role": "user", "content": { "type": "text", "text": prompt } }],
            "maxTokens": max_tokens,
        }),
    }
}

pub(super) fn roots(key: &'static str) -> Need {
    Need {
        key,
        method: "roots/list",
        params: json!({}),
    }
}

/// A one-string-field elicitation schema.
pub(super) fn one_field(name: &str, kind: &str) -> Value {
    json!({
        "type": "object",
        "properties": { name: { "type": kind } },
        "required": [name],
    })
}

/// The answers, or the `input_required` result to return as it is; a
/// legacy client's refusal becomes a tool error.
pub(super) async fn answers(
    exchange: &Exchange,
    needs: &[Need],
) -> Result<Result<Map<String, Value>, Value>, RpcError> {
    match exchange.gather(needs).await {
        Ok(Gathered::All(answers)) => Ok(Ok(answers)),
        Ok(Gathered::Pending(pending)) => Ok(Err(pending)),
        Err(error) if exchange.era() != crate::mcp::server::Era::Modern => Ok(Err(json!({
            "isError": true,
            "content": [{ "type": "text", "text": format!("Could not ask the client: {}", error.message) }],
        }))),
        Err(error) => Err(error),
    }
}

/// `action=…, content={…}` of an elicitation answer.
pub(super) fn elicited(answer: &Value) -> String {
    let content = answer.get("content").cloned().unwrap_or_else(|| json!({}));
    format!(
        "action={}, content={content}",
        answer["action"].as_str().unwrap_or("unknown")
    )
}

/// The text of a sampling answer.
pub(super) fn sampled(answer: &Value) -> String {
    answer["content"]["text"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

tool!(
    Sampling,
    "test_sampling",
    "Asks the client's model to complete a prompt.",
    run
);
tool!(
    Elicitation,
    "test_elicitation",
    "Asks the user for a username and an email.",
    run
);
tool!(
    ElicitationDefaults,
    "test_elicitation_sep1034_defaults",
    "Elicitation with defaults of every primitive type.",
    run
);
tool!(
    ElicitationEnums,
    "test_elicitation_sep1330_enums",
    "Elicitation with every enum variant.",
    run
);
tool!(
    StreamingElicitation,
    "test_streaming_elicitation",
    "Asks the user something while it runs.",
    run
);
tool!(
    MissingCapability,
    "test_missing_capability",
    "Needs the sampling capability.",
    run
);

pub(crate) fn input_schema_of(name: &str) -> Value {
    let argument = match name {
        "test_sampling" => Some(("prompt", "The prompt to send to the LLM")),
        "test_elicitation" => Some(("message", "The message to show the user")),
        _ => None,
    };
    match argument {
        Some((field, description)) => json!({
            "type": "object",
            "properties": { field: { "type": "string", "description": description } },
            "required": [field],
        }),
        None => json!({ "type": "object", "properties": {} }),
    }
}

async fn run(
    tool: &'static str,
    _: Context,
    arguments: Value,
    exchange: Exchange,
) -> Result<Value, RpcError> {
    match tool {
        "test_sampling" => {
            let needs = [sample("reply", required(&arguments, "prompt")?, 100)];
            Ok(match answers(&exchange, &needs).await? {
                Ok(got) => text(&format!("LLM response: {}", sampled(&got["reply"]))),
                Err(result) => result,
            })
        }
        "test_elicitation" => {
            let schema = json!({
                "type": "object",
                "properties": {
                    "username": { "type": "string", "description": "User's response" },
                    "email": { "type": "string", "description": "User's email address" },
                },
                "required": ["username", "email"],
            });
            let needs = [elicit("reply", required(&arguments, "message")?, schema)];
            Ok(match answers(&exchange, &needs).await? {
                Ok(got) => text(&format!("User response: {}", elicited(&got["reply"]))),
                Err(result) => result,
            })
        }
        "test_elicitation_sep1034_defaults" => {
            elicitation_completed(&exchange, defaults_schema()).await
        }
        "test_elicitation_sep1330_enums" => elicitation_completed(&exchange, enums_schema()).await,
        "test_streaming_elicitation" => {
            let needs = [elicit(
                "answer",
                "Please provide a value",
                one_field("value", "string"),
            )];
            Ok(match answers(&exchange, &needs).await? {
                Ok(got) => text(&format!(
                    "Elicitation completed: {}",
                    elicited(&got["answer"])
                )),
                Err(result) => result,
            })
        }
        "test_missing_capability" => {
            let needs = [sample("reply", "Say hello", 20)];
            Ok(match answers(&exchange, &needs).await? {
                Ok(got) => text(&format!("LLM response: {}", sampled(&got["reply"]))),
                Err(result) => result,
            })
        }
        other => Err(RpcError::invalid_params(format!("Unknown tool: {other}"))),
    }
}

async fn elicitation_completed(exchange: &Exchange, schema: Value) -> Result<Value, RpcError> {
    let needs = [elicit(
        "reply",
        "Please review and update the form fields with defaults",
        schema,
    )];
    Ok(match answers(exchange, &needs).await? {
        Ok(got) => text(&format!(
            "Elicitation completed: {}",
            elicited(&got["reply"])
        )),
        Err(result) => result,
    })
}

fn defaults_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "name": { "type": "string", "default": "John Doe" },
            "age": { "type": "integer", "default": 30 },
            "score": { "type": "number", "default": 95.5 },
            "status": { "type": "string", "enum": ["active", "inactive", "pending"], "default": "active" },
            "verified": { "type": "boolean", "default": true },
        },
    })
}

fn enums_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "untitledSingle": { "type": "string", "enum": ["option1", "option2", "option3"] },
            "titledSingle": { "type": "string", "oneOf": [
                { "const": "value1", "title": "First Option" },
                { "const": "value2", "title": "Second Option" },
                { "const": "value3", "title": "Third Option" },
            ]},
            "legacyEnum": { "type": "string", "enum": ["opt1", "opt2", "opt3"],
                "enumNames": ["Option One", "Option Two", "Option Three"] },
            "untitledMulti": { "type": "array", "items": { "type": "string", "enum": ["option1", "option2", "option3"] } },
            "titledMulti": { "type": "array", "items": { "anyOf": [
                { "const": "value1", "title": "First Choice" },
                { "const": "value2", "title": "Second Choice" },
                { "const": "value3", "title": "Third Choice" },
            ]}},
        },
    })
}
