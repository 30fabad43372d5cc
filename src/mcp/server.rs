//! The MCP server proper: lifecycle, version negotiation, and dispatch of a
//! request to the tool, prompt and resource registries, for either era.
//!
//! The era changes only the envelope: the legacy era answers `initialize`,
//! `ping` and `logging/setLevel`; the modern era answers `server/discover`
//! and decorates results with `resultType`, server identity and cache hints.

use super::cache_hint::CacheHint;
use super::completion::{self, CompletionRequest, Reference};
use super::exchange::{Exchange, LogLevel};
use super::jsonrpc::{ErrorCode, Request, RpcError};
use super::pagination::page;
use super::prompt::PromptRegistry;
use super::resource::{ResourceError, ResourceRegistry};
use super::tool::ToolRegistry;
use super::version::ProtocolVersion;
use serde_json::{json, Map, Value};

/// Keys of the modern era's per-request and per-result `_meta`.
pub mod meta {
    pub const PROTOCOL_VERSION: &str = "io.modelcontextprotocol/protocolVersion";
    pub const CLIENT_CAPABILITIES: &str = "io.modelcontextprotocol/clientCapabilities";
    pub const CLIENT_INFO: &str = "io.modelcontextprotocol/clientInfo";
    pub const SERVER_INFO: &str = "io.modelcontextprotocol/serverInfo";
}

/// How this server introduces itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerInfo {
    pub name: &'static str,
    pub title: &'static str,
    pub version: &'static str,
    pub instructions: Option<&'static str>,
}

impl ServerInfo {
    fn implementation(&self) -> Value {
        json!({ "name": self.name, "title": self.title, "version": self.version })
    }
}

/// The wire era a request arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// `initialize`-negotiated revisions; the version is the one in force.
    Legacy(ProtocolVersion),
    /// 2026-07-28: stateless, version on every request.
    Modern,
}

/// How long list results may be reused: the lists are compiled into the
/// server and identical for every caller.
const LIST_CACHE: CacheHint = CacheHint::public(5 * 60 * 1000);

/// An MCP server over an application context `C` (cloned into each call).
pub struct Server<C> {
    pub info: ServerInfo,
    pub tools: ToolRegistry<C>,
    pub prompts: PromptRegistry<C>,
    pub resources: ResourceRegistry<C>,
    /// Resource URIs clients may subscribe to (`resources/subscribe`,
    /// `subscriptions/listen`); the `subscribe` capability is declared
    /// only when there is one.
    pub watchable: Vec<&'static str>,
    /// Hands the request's exchange to the application context, so code
    /// deep in a handler can report progress or log.
    pub attach: fn(C, &Exchange) -> C,
}

impl<C: Clone + 'static> Server<C> {
    pub fn new(info: ServerInfo) -> Self {
        Server {
            info,
            tools: ToolRegistry::default(),
            prompts: PromptRegistry::default(),
            resources: ResourceRegistry::default(),
            watchable: Vec::new(),
            attach: |ctx, _| ctx,
        }
    }

    /// Answers one request in `era`: the `result` object, or the error.
    pub async fn handle(
        &self,
        era: Era,
        ctx: C,
        request: &Request,
        exchange: &Exchange,
    ) -> Result<Value, RpcError> {
        let params = &request.params;
        let ctx = (self.attach)(ctx, exchange);
        let (mut result, cache) = match (era, request.method.as_str()) {
            (Era::Legacy(_), "initialize") => (self.initialize(params)?, None),
            (Era::Legacy(_), "ping") => (Map::new(), None),
            (Era::Legacy(_), "logging/setLevel") => (set_level(params, exchange).await?, None),
            (Era::Legacy(_), "resources/subscribe" | "resources/unsubscribe")
                if !self.watchable.is_empty() =>
            {
                (self.subscribe(params)?, None)
            }
            (Era::Modern, "server/discover") => (self.discover(), Some(LIST_CACHE)),
            (_, "tools/list") => (
                list("tools", self.tools.definitions(), params)?,
                Some(LIST_CACHE),
            ),
            (_, "tools/call") => (object(self.tools.call(ctx, params, exchange).await?), None),
            (_, "prompts/list") => (
                list("prompts", self.prompts.definitions(), params)?,
                Some(LIST_CACHE),
            ),
            (_, "prompts/get") => (object(self.prompts.get(ctx, params, exchange).await?), None),
            (_, "resources/list") => (
                list("resources", self.resources.resources(), params)?,
                Some(LIST_CACHE),
            ),
            (_, "resources/templates/list") => (
                list("resourceTemplates", self.resources.templates(), params)?,
                Some(LIST_CACHE),
            ),
            (_, "completion/complete") => (self.complete(ctx, params).await?, None),
            (_, "resources/read") => {
                let (contents, hint) = self.read_resource(era, ctx, params).await?;
                (object(contents), Some(hint))
            }
            (_, method) => return Err(RpcError::method_not_found(method)),
        };
        if era == Era::Modern {
            self.decorate_modern(&mut result, cache);
        }
        Ok(Value::Object(result))
    }

    fn capabilities(&self, era: Era) -> Value {
        let mut capabilities = json!({
            "tools": { "listChanged": false },
            "prompts": { "listChanged": false },
            "resources": { "listChanged": false, "subscribe": !self.watchable.is_empty() },
            "completions": {},
        });
        if let Era::Legacy(_) = era {
            // `logging/setLevel` is remembered per session (in shared
            // state); 2026-07-28 sets the level per request instead.
            capabilities["logging"] = json!({});
        }
        capabilities
    }

    fn initialize(&self, params: &Map<String, Value>) -> Result<Map<String, Value>, RpcError> {
        let requested = params
            .get("protocolVersion")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                RpcError::invalid_params("initialize needs a string `protocolVersion`")
            })?;
        let version = ProtocolVersion::negotiate(requested);
        let mut result = json!({
            "protocolVersion": version.as_str(),
            "capabilities": self.capabilities(Era::Legacy(version)),
            "serverInfo": self.info.implementation(),
        });
        if let Some(instructions) = self.info.instructions {
            result["instructions"] = instructions.into();
        }
        Ok(object(result))
    }

    fn discover(&self) -> Map<String, Value> {
        let mut result = json!({
            "supportedVersions": ProtocolVersion::all_strings(),
            "capabilities": self.capabilities(Era::Modern),
            "serverInfo": self.info.implementation(),
        });
        if let Some(instructions) = self.info.instructions {
            result["instructions"] = instructions.into();
        }
        object(result)
    }

    async fn complete(
        &self,
        ctx: C,
        params: &Map<String, Value>,
    ) -> Result<Map<String, Value>, RpcError> {
        let request = CompletionRequest::parse(params).map_err(RpcError::invalid_params)?;
        let values = match &request.reference {
            Reference::Prompt(name) => self
                .prompts
                .complete(ctx, name, request.argument, request.value)
                .await
                .ok_or_else(|| RpcError::invalid_params(format!("Unknown prompt: {name}")))?,
            Reference::Resource(uri) => self
                .resources
                .complete(ctx, uri, request.argument, request.value)
                .await
                .ok_or_else(|| {
                    RpcError::invalid_params(format!("Unknown resource template: {uri}"))
                })?,
        };
        Ok(completion::result(values))
    }

    async fn read_resource(
        &self,
        era: Era,
        ctx: C,
        params: &Map<String, Value>,
    ) -> Result<(Value, CacheHint), RpcError> {
        let uri = params
            .get("uri")
            .and_then(Value::as_str)
            .ok_or_else(|| RpcError::invalid_params("resources/read needs a string `uri`"))?;
        self.resources
            .read(ctx, uri)
            .await
            .map_err(|error| match error {
                ResourceError::NotFound(_) => {
                    // -32002 until 2025-11-25; 2026-07-28 folds it into -32602.
                    let code = match era {
                        Era::Modern => ErrorCode::InvalidParams,
                        Era::Legacy(_) => ErrorCode::ResourceNotFound,
                    };
                    RpcError::new(code, error.to_string()).with_data(json!({ "uri": uri }))
                }
                ResourceError::InvalidParams(message) => {
                    RpcError::invalid_params(message).with_data(json!({ "uri": uri }))
                }
                ResourceError::Failed(message) => RpcError::new(ErrorCode::InternalError, message),
            })
    }

    /// Accepts a subscription to a watchable resource. The server keeps no
    /// subscriber list: updates of a watched resource would be sent on
    /// the subscriber's own stream, and the watchable resources here do
    /// not change while a session lasts.
    fn subscribe(&self, params: &Map<String, Value>) -> Result<Map<String, Value>, RpcError> {
        let uri = params
            .get("uri")
            .and_then(Value::as_str)
            .ok_or_else(|| RpcError::invalid_params("a subscription needs a string `uri`"))?;
        if !self.watchable.contains(&uri) {
            return Err(RpcError::invalid_params(format!(
                "Resource {uri} cannot be subscribed to"
            ))
            .with_data(json!({ "uri": uri })));
        }
        Ok(Map::new())
    }

    /// Meta and cache hints of a 2026-07-28 result: also what the
    /// `subscriptions/listen` stream's closing result carries.
    pub(super) fn decorate_modern(
        &self,
        result: &mut Map<String, Value>,
        cache: Option<CacheHint>,
    ) {
        // An `input_required` result keeps its type.
        result
            .entry("resultType")
            .or_insert_with(|| "complete".into());
        if let Some(hint) = cache {
            hint.apply(result);
        }
        let meta = result
            .entry("_meta")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(meta) = meta.as_object_mut() {
            meta.insert(meta::SERVER_INFO.into(), self.info.implementation());
        }
    }
}

async fn set_level(
    params: &Map<String, Value>,
    exchange: &Exchange,
) -> Result<Map<String, Value>, RpcError> {
    let level = params.get("level").and_then(Value::as_str);
    let Some(level) = level.and_then(LogLevel::parse) else {
        return Err(RpcError::invalid_params(format!(
            "`level` must be one of {}",
            LogLevel::NAMES.join(", ")
        )));
    };
    exchange.remember_session_level(level).await;
    Ok(Map::new())
}

fn list(
    key: &str,
    items: &[Value],
    params: &Map<String, Value>,
) -> Result<Map<String, Value>, RpcError> {
    let (items, next) = page(items, params)?;
    let mut result = Map::new();
    result.insert(key.into(), Value::Array(items.to_vec()));
    if let Some(next) = next {
        result.insert("nextCursor".into(), next.into());
    }
    Ok(result)
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => {
            let mut map = Map::new();
            map.insert("value".into(), other);
            map
        }
    }
}
