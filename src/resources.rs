//! The product's resources. Kaltura resources (category tree, recent media,
//! analytics capabilities) join `kaltura://server/info` in later issues.

use crate::context::Context;
use crate::mcp::cache_hint::CacheHint;
use crate::mcp::resource::{Resource, ResourceError, ResourceRegistry, ResourceText};
use crate::mcp::tool::Tool;
use crate::tools::server_info::GetServerInfo;

pub fn register(registry: &mut ResourceRegistry<Context>) {
    registry.register::<ServerInfoResource>();
}

/// The same facts as `get_server_info`, for clients that browse resources.
pub struct ServerInfoResource;

impl Resource<Context> for ServerInfoResource {
    const URI: &'static str = "kaltura://server/info";
    const NAME: &'static str = "server-info";
    const TITLE: &'static str = "Server information";
    const DESCRIPTION: &'static str =
        "This server's name, version and supported MCP protocol versions, as JSON.";
    const MIME_TYPE: &'static str = "application/json";

    async fn read(ctx: Context) -> Result<ResourceText, ResourceError> {
        let info = GetServerInfo::call(ctx, crate::tools::server_info::Args {})
            .await
            .map_err(|error| ResourceError::Failed(error.to_string()))?;
        let text = serde_json::to_string_pretty(&info)
            .map_err(|error| ResourceError::Failed(error.to_string()))?;
        Ok(ResourceText {
            text,
            cache: CacheHint::public(60 * 60 * 1000),
        })
    }
}
