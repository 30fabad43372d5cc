//! The MCP conformance suite's fixtures (`CONFORMANCE_FIXTURES=true`):
//! the tools, resources and prompts with the fixed names and answers the
//! suite (`@modelcontextprotocol/conformance`) calls, served by the same
//! core as the product so the protocol features they exercise — content
//! blocks, progress, logging, asking the client, `input_required`,
//! subscriptions — are the product's own.
//!
//! - [`content`]: tools answering each kind of content block, and errors;
//! - [`notifying`]: tools that report progress and log;
//! - [`asking`]: tools and a prompt that need the client (sampling,
//!   elicitation, roots), over a legacy stream or `input_required`;
//! - [`request_state`]: the sealed `requestState` of those rounds;
//! - [`resources`], [`prompts`]: the fixture resources and prompts.

mod asking;
mod content;
mod notifying;
mod prompts;
mod request_state;
mod resources;

use crate::context::Context;
use crate::mcp::server::Server;

/// A 1×1 red PNG, the suite's "minimal test image".
pub(crate) const RED_PIXEL_PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

/// Adds every fixture to `server`.
pub fn register(server: &mut Server<Context>) {
    content::register(&mut server.tools);
    notifying::register(&mut server.tools);
    asking::register(&mut server.tools, &mut server.prompts);
    resources::register(&mut server.resources);
    prompts::register(&mut server.prompts);
    server.watchable.push(resources::WATCHED);
}
