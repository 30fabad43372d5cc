//! The product's tools, one file per tool family.

pub mod server_info;

use crate::context::Context;
use crate::mcp::tool::ToolRegistry;

pub fn register(registry: &mut ToolRegistry<Context>) {
    registry.register::<server_info::GetServerInfo>();
}
