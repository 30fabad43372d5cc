//! The MCP conformance suite's fixtures (`CONFORMANCE_FIXTURES=true`):
//! the tools, resources and prompts with the fixed names and answers the
//! suite (`@modelcontextprotocol/conformance`) calls, served by the same
//! core as the product so the protocol features they exercise — content
//! blocks, progress, logging, asking the client, `input_required`,
//! subscriptions — are the product's own.
//!
//! - [`content`]: tools answering each kind of content block, and errors;
//! - [`notifying`]: tools that report progress and log;
//! - [`asking`]: tools that need the client (sampling, elicitation),
//!   over a legacy stream or `input_required`, and the helpers of both;
//! - [`input_required`]: the 2026-07-28 multi-round flows, and a prompt;
//! - [`request_state`]: the sealed `requestState` of those rounds;
//! - [`resources`], [`prompts`]: the fixture resources and prompts.

/// A fixture tool: its type, name and description, and the function that
/// runs it by name (the fixtures share most of their code).
macro_rules! tool {
    ($type:ident, $name:literal, $description:literal, $run:path) => {
        struct $type;
        impl RawTool<Context> for $type {
            const NAME: &'static str = $name;
            const DESCRIPTION: &'static str = $description;
            fn input_schema() -> Value {
                $crate::conformance::asking::input_schema_of($name)
            }
            async fn call(
                ctx: Context,
                arguments: Value,
                exchange: Exchange,
            ) -> Result<Value, RpcError> {
                $run($name, ctx, arguments, exchange).await
            }
        }
    };
}

mod asking;
mod content;
mod input_required;
mod notifying;
mod prompts;
mod request_state;
mod resources;

use crate::context::Context;
use crate::mcp::server::Server;

/// A 1×1 red PNG, the suite's "minimal test image".
pub(crate) const RED_PIXEL_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

/// A `CallToolResult` of one text block.
fn text(text: &str) -> serde_json::Value {
    serde_json::json!({ "content": [{ "type": "text", "text": text }] })
}

/// The string argument `name`, or invalid params.
fn required<'a>(
    arguments: &'a serde_json::Value,
    name: &str,
) -> Result<&'a str, crate::mcp::jsonrpc::RpcError> {
    arguments[name].as_str().ok_or_else(|| {
        crate::mcp::jsonrpc::RpcError::invalid_params(format!(
            "argument `{name}` (a string) is required"
        ))
    })
}

/// Adds every fixture to `server`.
pub fn register(server: &mut Server<Context>) {
    content::register(&mut server.tools);
    notifying::register(&mut server.tools);
    asking::register(&mut server.tools);
    input_required::register(&mut server.tools, &mut server.prompts);
    resources::register(&mut server.resources);
    prompts::register(&mut server.prompts);
    server.watchable.push(resources::WATCHED);
}
