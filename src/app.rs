//! The product: which tools, prompts and resources this MCP server offers,
//! and how it introduces itself.

use crate::context::Context;
use crate::mcp::server::{Server, ServerInfo};
use crate::{prompts, resources, tools};

pub const SERVER_INFO: ServerInfo = ServerInfo {
    name: "kaltura-mcp",
    title: "Kaltura MCP",
    version: env!("CARGO_PKG_VERSION"),
    instructions: Some(
        "Read-only access to a Kaltura video account: search media (titles, captions, metadata), read entry details, captions and attachments, and get download and thumbnail links. Start with search_entries; get_connection_status shows which account is connected.",
    ),
};

/// The server with every product registry filled in.
pub fn server() -> Server<Context> {
    let mut server = Server::new(SERVER_INFO);
    tools::register(&mut server.tools);
    prompts::register(&mut server.prompts);
    resources::register(&mut server.resources);
    server
}
