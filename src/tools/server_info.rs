//! `get_server_info`: what this server is and which protocol revisions it
//! speaks. Needs no Kaltura account, so it proves the path end to end.

use crate::app::SERVER_INFO;
use crate::context::Context;
use crate::mcp::tool::{Tool, ToolError};
use crate::mcp::version::ProtocolVersion;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// No arguments.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Args {}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServerInfoOutput {
    /// Server name.
    pub name: String,
    /// Server version (semver).
    pub version: String,
    /// MCP protocol revisions served, newest first.
    pub supported_protocol_versions: Vec<String>,
    /// Transport used on `/mcp`.
    pub transport: String,
}

pub struct GetServerInfo;

impl Tool<Context> for GetServerInfo {
    const NAME: &'static str = "get_server_info";
    const TITLE: &'static str = "Server information";
    const DESCRIPTION: &'static str =
        "Returns this MCP server's name, version and the MCP protocol revisions it supports. Takes no arguments.";
    type Args = Args;
    type Output = ServerInfoOutput;

    async fn call(_ctx: Context, _args: Args) -> Result<ServerInfoOutput, ToolError> {
        Ok(ServerInfoOutput {
            name: SERVER_INFO.name.into(),
            version: SERVER_INFO.version.into(),
            supported_protocol_versions: ProtocolVersion::all_strings()
                .into_iter()
                .map(String::from)
                .collect(),
            transport: "streamable-http".into(),
        })
    }

    fn render(output: &ServerInfoOutput) -> String {
        format!(
            "{} {} — MCP protocol versions: {}",
            output.name,
            output.version,
            output.supported_protocol_versions.join(", ")
        )
    }
}
