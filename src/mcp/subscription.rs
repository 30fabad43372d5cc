//! `subscriptions/listen` (2026-07-28): a long-lived POST whose event
//! stream opens with `notifications/subscriptions/acknowledged`, naming
//! the notifications the server agreed to send, each tagged with the
//! subscription id (the listen request's id).
//!
//! This server's lists never change while it runs, so it agrees to no
//! list-changed notifications; it honours resource subscriptions for its
//! watchable resources. The stream carries keep-alive comments and ends
//! after [`LISTEN_SECS`]; clients listen again, as after any disconnect.

use super::exchange::SharedState;
use super::jsonrpc::{Request, RpcError};
use super::server::Server;
use super::stream::{self, EventStream};
use futures_util::stream::StreamExt;
use serde_json::{json, Map, Value};
use std::rc::Rc;

/// How long one listen stream stays open.
pub const LISTEN_SECS: u64 = 10 * 60;
/// How often an idle stream carries a keep-alive comment.
const KEEP_ALIVE_SECS: u64 = 20;

/// The `_meta` key tagging each notification of a listen stream.
pub const SUBSCRIPTION_ID: &str = "io.modelcontextprotocol/subscriptionId";

/// The event stream answering a listen request.
pub fn listen<C>(
    server: &Server<C>,
    shared: Rc<dyn SharedState>,
    request: &Request,
) -> Result<EventStream, RpcError> {
    let Some(filter) = request
        .params
        .get("notifications")
        .and_then(Value::as_object)
    else {
        return Err(RpcError::invalid_params(
            "subscriptions/listen needs a `notifications` filter object",
        ));
    };
    let agreed = agreed(server, filter)?;
    let ack = json!({
        "jsonrpc": "2.0",
        "method": "notifications/subscriptions/acknowledged",
        "params": {
            "notifications": agreed,
            "_meta": { SUBSCRIPTION_ID: request.id },
        },
    });
    let beats = LISTEN_SECS / KEEP_ALIVE_SECS;
    let keep_alive = futures_util::stream::unfold(0, move |beat| {
        let shared = shared.clone();
        async move {
            if beat >= beats {
                return None;
            }
            shared.pause(KEEP_ALIVE_SECS * 1000).await;
            Some((stream::keep_alive(), beat + 1))
        }
    });
    let chunks = futures_util::stream::once(async move { stream::event(&ack) }).chain(keep_alive);
    Ok(EventStream::new(chunks.boxed_local()))
}

/// The part of the requested filter this server honours.
fn agreed<C>(server: &Server<C>, filter: &Map<String, Value>) -> Result<Value, RpcError> {
    let mut agreed = Map::new();
    if let Some(uris) = filter.get("resourceSubscriptions") {
        let uris = uris.as_array().ok_or_else(|| {
            RpcError::invalid_params("`resourceSubscriptions` must be an array of URIs")
        })?;
        let watched: Vec<Value> = uris
            .iter()
            .filter(|uri| {
                uri.as_str()
                    .is_some_and(|uri| server.watchable.contains(&uri))
            })
            .cloned()
            .collect();
        if !watched.is_empty() {
            agreed.insert("resourceSubscriptions".into(), watched.into());
        }
    }
    Ok(Value::Object(agreed))
}
