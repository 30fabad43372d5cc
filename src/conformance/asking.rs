//! Fixtures that need the client: sampling, elicitation and roots. Legacy
//! clients are asked on the request's own event stream; 2026-07-28
//! clients get `input_required` results and retry with the answers, some
//! flows carrying a sealed [`request_state`](super::request_state).

use super::request_state::{self, RoundState};
use crate::context::Context;
use crate::mcp::exchange::Exchange;
use crate::mcp::input::{Gathered, Need};
use crate::mcp::jsonrpc::RpcError;
use crate::mcp::prompt::{PromptRegistry, RawPrompt};
use crate::mcp::tool::{RawTool, ToolRegistry};
use serde_json::{json, Map, Value};

pub fn register(tools: &mut ToolRegistry<Context>, prompts: &mut PromptRegistry<Context>) {
    tools
        .register_raw::<Sampling>()
        .register_raw::<Elicitation>()
        .register_raw::<ElicitationDefaults>()
        .register_raw::<ElicitationEnums>()
        .register_raw::<StreamingElicitation>()
        .register_raw::<MissingCapability>()
        .register_raw::<InputElicitation>()
        .register_raw::<InputSampling>()
        .register_raw::<InputListRoots>()
        .register_raw::<InputRequestState>()
        .register_raw::<InputMultiple>()
        .register_raw::<InputMultiRound>()
        .register_raw::<InputTamperedState>()
        .register_raw::<InputCapabilities>();
    prompts.register_raw::<InputPrompt>();
}

fn text(text: &str) -> Value {
    json!({ "content": [{ "type": "text", "text": text }] })
}

fn elicit(key: &'static str, message: &str, schema: Value) -> Need {
    Need {
        key,
        method: "elicitation/create",
        params: json!({ "message": message, "requestedSchema": schema }),
    }
}

fn sample(key: &'static str, prompt: &str, max_tokens: u32) -> Need {
    Need {
        key,
        method: "sampling/createMessage",
        params: json!({
            "messages": [{ "role": "user", "content": { "type": "text", "text": prompt } }],
            "maxTokens": max_tokens,
        }),
    }
}

fn roots(key: &'static str) -> Need {
    Need {
        key,
        method: "roots/list",
        params: json!({}),
    }
}

/// A one-string-field elicitation schema.
fn one_field(name: &str, kind: &str) -> Value {
    json!({
        "type": "object",
        "properties": { name: { "type": kind } },
        "required": [name],
    })
}

/// The answers, or the `input_required` result to return as it is; a
/// legacy client's refusal becomes a tool error.
async fn answers(
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
fn elicited(answer: &Value) -> String {
    let content = answer.get("content").cloned().unwrap_or_else(|| json!({}));
    format!(
        "action={}, content={content}",
        answer["action"].as_str().unwrap_or("unknown")
    )
}

/// The text of a sampling answer.
fn sampled(answer: &Value) -> String {
    answer["content"]["text"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

macro_rules! tool {
    ($type:ident, $name:literal, $description:literal) => {
        struct $type;
        impl RawTool<Context> for $type {
            const NAME: &'static str = $name;
            const DESCRIPTION: &'static str = $description;
            fn input_schema() -> Value {
                input_schema_of($name)
            }
            async fn call(
                ctx: Context,
                arguments: Value,
                exchange: Exchange,
            ) -> Result<Value, RpcError> {
                run($name, ctx, arguments, exchange).await
            }
        }
    };
}

tool!(
    Sampling,
    "test_sampling",
    "Asks the client's model to complete a prompt."
);
tool!(
    Elicitation,
    "test_elicitation",
    "Asks the user for a username and an email."
);
tool!(
    ElicitationDefaults,
    "test_elicitation_sep1034_defaults",
    "Elicitation with defaults of every primitive type."
);
tool!(
    ElicitationEnums,
    "test_elicitation_sep1330_enums",
    "Elicitation with every enum variant."
);
tool!(
    StreamingElicitation,
    "test_streaming_elicitation",
    "Asks the user something while it runs."
);
tool!(
    MissingCapability,
    "test_missing_capability",
    "Needs the sampling capability."
);
tool!(
    InputElicitation,
    "test_input_required_result_elicitation",
    "Asks the user's name."
);
tool!(
    InputSampling,
    "test_input_required_result_sampling",
    "Asks the client's model a question."
);
tool!(
    InputListRoots,
    "test_input_required_result_list_roots",
    "Asks the client for its roots."
);
tool!(
    InputRequestState,
    "test_input_required_result_request_state",
    "Asks for confirmation, carrying sealed state."
);
tool!(
    InputMultiple,
    "test_input_required_result_multiple_inputs",
    "Asks for a name, a greeting and the roots at once."
);
tool!(
    InputMultiRound,
    "test_input_required_result_multi_round",
    "Asks two questions, one round each."
);
tool!(
    InputTamperedState,
    "test_input_required_result_tampered_state",
    "Refuses a requestState that was altered."
);
tool!(
    InputCapabilities,
    "test_input_required_result_capabilities",
    "Asks only what the client's capabilities allow."
);

fn input_schema_of(name: &str) -> Value {
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

/// The string argument `name`, or invalid params.
fn required<'a>(arguments: &'a Value, name: &str) -> Result<&'a str, RpcError> {
    arguments[name].as_str().ok_or_else(|| {
        RpcError::invalid_params(format!("argument `{name}` (a string) is required"))
    })
}

async fn run(
    tool: &'static str,
    ctx: Context,
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
        "test_input_required_result_elicitation" => {
            let needs = [elicit(
                "user_name",
                "What is your name?",
                one_field("name", "string"),
            )];
            Ok(match answers(&exchange, &needs).await? {
                Ok(got) => {
                    let name = got["user_name"]["content"]["name"]
                        .as_str()
                        .unwrap_or("stranger");
                    text(&format!("Hello, {name}!"))
                }
                Err(result) => result,
            })
        }
        "test_input_required_result_sampling" => {
            let needs = [sample(
                "capital_question",
                "What is the capital of France?",
                100,
            )];
            Ok(match answers(&exchange, &needs).await? {
                Ok(got) => text(&format!(
                    "The model answered: {}",
                    sampled(&got["capital_question"])
                )),
                Err(result) => result,
            })
        }
        "test_input_required_result_list_roots" => {
            Ok(match answers(&exchange, &[roots("client_roots")]).await? {
                Ok(got) => text(&format!(
                    "Client roots: {}",
                    root_uris(&got["client_roots"])
                )),
                Err(result) => result,
            })
        }
        "test_input_required_result_request_state"
        | "test_input_required_result_tampered_state" => {
            let confirm = elicit("confirm", "Please confirm", one_field("ok", "boolean"));
            stateful(tool, &ctx, &exchange, &[vec![confirm]], |state| {
                format!(
                    "state-ok: confirmation received ({})",
                    elicited(&state.answers["confirm"])
                )
            })
            .await
        }
        "test_input_required_result_multiple_inputs" => {
            let needs = vec![
                elicit(
                    "user_name",
                    "What is your name?",
                    one_field("name", "string"),
                ),
                sample("greeting", "Generate a greeting", 50),
                roots("client_roots"),
            ];
            stateful(tool, &ctx, &exchange, &[needs], |state| {
                let name = state.answers["user_name"]["content"]["name"]
                    .as_str()
                    .unwrap_or("stranger");
                format!(
                    "All inputs received: name={name}, greeting={}, roots={}",
                    sampled(&state.answers["greeting"]),
                    root_uris(&state.answers["client_roots"])
                )
            })
            .await
        }
        "test_input_required_result_multi_round" => {
            let rounds = [
                vec![elicit(
                    "step1",
                    "Step 1: What is your name?",
                    one_field("name", "string"),
                )],
                vec![elicit(
                    "step2",
                    "Step 2: What is your favorite color?",
                    one_field("color", "string"),
                )],
            ];
            stateful(tool, &ctx, &exchange, &rounds, |state| {
                let name = state.answers["step1"]["content"]["name"]
                    .as_str()
                    .unwrap_or("stranger");
                let color = state.answers["step2"]["content"]["color"]
                    .as_str()
                    .unwrap_or("unknown");
                format!("Hello {name}, your favorite color is {color}.")
            })
            .await
        }
        "test_input_required_result_capabilities" => {
            let wanted = [
                sample("capital_question", "What is the capital of France?", 100),
                elicit(
                    "user_name",
                    "What is your name?",
                    one_field("name", "string"),
                ),
                roots("client_roots"),
            ];
            let needs: Vec<Need> = wanted
                .into_iter()
                .filter(|need| exchange.client_supports(need.capability()) != Some(false))
                .collect();
            if needs.is_empty() {
                return Ok(text(
                    "The client declared no capability to ask with; nothing was asked.",
                ));
            }
            Ok(match answers(&exchange, &needs).await? {
                Ok(got) => text(&format!(
                    "Received {} answer(s) within the client's capabilities.",
                    got.len()
                )),
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

fn root_uris(answer: &Value) -> String {
    let uris: Vec<&str> = answer["roots"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|root| root["uri"].as_str())
        .collect();
    uris.join(", ")
}

/// A flow of `rounds`, each a set of needs, whose answers travel from
/// round to round in sealed state; `finish` words the result.
async fn stateful(
    tool: &'static str,
    ctx: &Context,
    exchange: &Exchange,
    rounds: &[Vec<Need>],
    finish: impl Fn(&RoundState) -> String,
) -> Result<Value, RpcError> {
    let mut state = match exchange.request_state() {
        Some(sealed) => request_state::open(ctx, tool, sealed).await?,
        None => RoundState {
            tool: tool.to_owned(),
            round: 0,
            answers: Map::new(),
        },
    };
    while let Some(needs) = rounds.get(state.round as usize) {
        match answers(exchange, needs).await? {
            Ok(got) => {
                state.answers.extend(got);
                state.round += 1;
            }
            Err(mut pending) => {
                if pending.get("resultType").is_some() {
                    pending["requestState"] = request_state::seal(ctx, &state).await?.into();
                }
                return Ok(pending);
            }
        }
    }
    Ok(text(&finish(&state)))
}

struct InputPrompt;
impl RawPrompt<Context> for InputPrompt {
    const NAME: &'static str = "test_input_required_result_prompt";
    const DESCRIPTION: &'static str = "A prompt that first asks the user for context.";
    async fn get(_: Context, _: Value, exchange: Exchange) -> Result<Value, RpcError> {
        let needs = [elicit(
            "user_context",
            "What context should the prompt use?",
            one_field("context", "string"),
        )];
        Ok(match answers(&exchange, &needs).await? {
            Ok(got) => {
                let context = got["user_context"]["content"]["context"]
                    .as_str()
                    .unwrap_or("none");
                json!({ "messages": [{ "role": "user", "content": {
                    "type": "text",
                    "text": format!("Use this context: {context}"),
                }}]})
            }
            Err(result) => result,
        })
    }
}
