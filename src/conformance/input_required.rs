//! The 2026-07-28 `input_required` flows of the suite: one request of
//! each kind, several at once, several rounds with sealed
//! [`request_state`](super::request_state), tampered state, the client's
//! capabilities, and a prompt. In the legacy era the same tools ask on the
//! request's stream instead.

use super::asking::{answers, elicit, elicited, one_field, roots, sample, sampled};
use super::request_state::{self, RoundState};
use super::text;
use crate::context::Context;
use crate::mcp::exchange::Exchange;
use crate::mcp::input::Need;
use crate::mcp::jsonrpc::RpcError;
use crate::mcp::prompt::{PromptRegistry, RawPrompt};
use crate::mcp::tool::{RawTool, ToolRegistry};
use serde_json::{json, Map, Value};

pub fn register(tools: &mut ToolRegistry<Context>, prompts: &mut PromptRegistry<Context>) {
    tools
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

tool!(
    InputElicitation,
    "test_input_required_result_elicitation",
    "Asks the user's name.",
    run
);
tool!(
    InputSampling,
    "test_input_required_result_sampling",
    "Asks the client's model a question.",
    run
);
tool!(
    InputListRoots,
    "test_input_required_result_list_roots",
    "Asks the client for its roots.",
    run
);
tool!(
    InputRequestState,
    "test_input_required_result_request_state",
    "Asks for confirmation, carrying sealed state.",
    run
);
tool!(
    InputMultiple,
    "test_input_required_result_multiple_inputs",
    "Asks for a name, a greeting and the roots at once.",
    run
);
tool!(
    InputMultiRound,
    "test_input_required_result_multi_round",
    "Asks two questions, one round each.",
    run
);
tool!(
    InputTamperedState,
    "test_input_required_result_tampered_state",
    "Refuses a requestState that was altered.",
    run
);
tool!(
    InputCapabilities,
    "test_input_required_result_capabilities",
    "Asks only what the client's capabilities allow.",
    run
);

async fn run(
    tool: &'static str,
    ctx: Context,
    _: Value,
    exchange: Exchange,
) -> Result<Value, RpcError> {
    match tool {
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
