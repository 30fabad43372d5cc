//! The protocol's cross-request state ([`SharedState`]) over the Kv and
//! Clock ports: where a legacy session's log level and a client's answer
//! to a server request wait for the request that needs them.
//!
//! KV is the only store every isolate shares. A reply is read by polling,
//! which works at once within one location; across locations KV may take
//! up to a minute to show a new key, so a deployment that must ask legacy
//! clients across regions should route a session to one location.

use crate::mcp::exchange::SharedState;
use crate::mcp::registry::BoxFuture;
use crate::platform::{DynClock, DynKv};
use std::rc::Rc;
use std::time::Duration;

pub struct KvSharedState {
    kv: Rc<dyn DynKv>,
    clock: Rc<dyn DynClock>,
}

impl KvSharedState {
    pub fn new(kv: Rc<dyn DynKv>, clock: Rc<dyn DynClock>) -> Self {
        KvSharedState { kv, clock }
    }
}

impl SharedState for KvSharedState {
    fn get(&self, key: &str) -> BoxFuture<Option<String>> {
        let (kv, key) = (self.kv.clone(), key.to_owned());
        Box::pin(async move {
            // A store failure reads as "not there yet".
            let bytes = kv.get_boxed(&key).await.ok().flatten()?;
            String::from_utf8(bytes).ok()
        })
    }

    fn put(&self, key: &str, value: String, ttl_secs: u64) -> BoxFuture<()> {
        let (kv, key) = (self.kv.clone(), key.to_owned());
        Box::pin(async move {
            let ttl = Some(Duration::from_secs(ttl_secs));
            // Losing this write costs the client its answer (the waiting
            // request then says so), never the server its state.
            let _ = kv.put_boxed(&key, value.as_bytes(), ttl).await;
        })
    }

    fn pause(&self, millis: u64) -> BoxFuture<()> {
        let clock = self.clock.clone();
        Box::pin(async move { clock.sleep_boxed(Duration::from_millis(millis)).await })
    }
}
