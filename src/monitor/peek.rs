//! What an `/mcp` POST asks for — JSON-RPC method, tool name, request id —
//! read from the body with a cheap borrowed parse, for metrics and logs
//! only. The protocol layer does the real parsing; anything odd here just
//! yields less to label with.

use serde::de::IgnoredAny;
use serde::Deserialize;
use std::borrow::Cow;

/// JSON-RPC methods a label may name; anything else is `other`, so a
/// client cannot grow the metric series without bound.
const KNOWN_METHODS: &[&str] = &[
    "initialize",
    "ping",
    "server/discover",
    "tools/list",
    "tools/call",
    "prompts/list",
    "prompts/get",
    "resources/list",
    "resources/read",
    "resources/templates/list",
    "resources/subscribe",
    "resources/unsubscribe",
    "completion/complete",
    "logging/setLevel",
    "notifications/initialized",
    "notifications/cancelled",
    "notifications/progress",
    "notifications/roots/list_changed",
];

/// The parts of a JSON-RPC message worth a label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RpcSummary {
    /// A known method name, `other`, `batch`, or `response` (a client's
    /// answer); `None` when the body is not a JSON-RPC object.
    pub method: Option<&'static str>,
    /// `params.name` of a `tools/call`, as sent (bounded in the monitor).
    pub tool: Option<String>,
    /// The request id as JSON text (`1`, `"abc"`), for the log line.
    pub id: Option<String>,
}

#[derive(Deserialize)]
struct Message<'a> {
    #[serde(borrow, default)]
    method: Option<Cow<'a, str>>,
    #[serde(default)]
    id: Option<Id<'a>>,
    #[serde(borrow, default)]
    params: Option<Params<'a>>,
    #[serde(default)]
    result: Option<IgnoredAny>,
    #[serde(default)]
    error: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Id<'a> {
    Number(i64),
    Text(#[serde(borrow)] Cow<'a, str>),
    Other(IgnoredAny),
}

#[derive(Deserialize)]
struct Params<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
}

/// Summarises an `/mcp` request body; never fails.
pub fn peek(body: &[u8]) -> RpcSummary {
    let first = body.iter().find(|byte| !byte.is_ascii_whitespace());
    if first == Some(&b'[') {
        return RpcSummary {
            method: Some("batch"),
            ..RpcSummary::default()
        };
    }
    let Ok(message) = serde_json::from_slice::<Message>(body) else {
        return RpcSummary::default();
    };
    let method = match message.method.as_deref() {
        Some(name) => Some(
            KNOWN_METHODS
                .iter()
                .copied()
                .find(|known| *known == name)
                .unwrap_or("other"),
        ),
        None if message.result.is_some() || message.error.is_some() => Some("response"),
        None => None,
    };
    let tool = match (method, message.params) {
        (Some("tools/call"), Some(Params { name: Some(name) })) => Some(name.into_owned()),
        _ => None,
    };
    let id = message.id.and_then(|id| match id {
        Id::Number(number) => Some(number.to_string()),
        Id::Text(text) => serde_json::to_string(&text).ok(),
        Id::Other(_) => None,
    });
    RpcSummary { method, tool, id }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tool_call_names_method_tool_and_id() {
        let summary = peek(
            br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"search_entries","arguments":{"query":"x"}}}"#,
        );
        assert_eq!(summary.method, Some("tools/call"));
        assert_eq!(summary.tool.as_deref(), Some("search_entries"));
        assert_eq!(summary.id.as_deref(), Some("7"));
    }

    #[test]
    fn unknown_methods_batches_responses_and_garbage() {
        assert_eq!(
            peek(br#"{"jsonrpc":"2.0","id":"a\"b","method":"x/y"}"#),
            RpcSummary {
                method: Some("other"),
                tool: None,
                id: Some(r#""a\"b""#.into())
            }
        );
        assert_eq!(peek(b" [{}]").method, Some("batch"));
        assert_eq!(
            peek(br#"{"jsonrpc":"2.0","id":1,"result":{}}"#).method,
            Some("response")
        );
        assert_eq!(peek(b"not json"), RpcSummary::default());
        assert_eq!(
            peek(br#"{"method":"tools/list","params":{"name":"ignored"}}"#).tool,
            None
        );
    }
}
