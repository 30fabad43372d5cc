//! Server-sent events: framing, and the live body of a response that is
//! still being written (a handler waiting on the client, a subscription).
//!
//! A response's `body` is what is known when it is returned; its `stream`,
//! when present, is what follows. The worker hands both to the runtime as
//! one readable stream; native tests poll it directly.

use futures_util::stream::{LocalBoxStream, StreamExt};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// The rest of a response body, produced as the work goes on. Cloning
/// shares it: only one holder can take it.
#[derive(Clone)]
pub struct EventStream(Rc<RefCell<Option<LocalBoxStream<'static, Vec<u8>>>>>);

impl EventStream {
    pub fn new(chunks: LocalBoxStream<'static, Vec<u8>>) -> Self {
        EventStream(Rc::new(RefCell::new(Some(chunks))))
    }

    /// A stream of JSON-RPC messages, each framed as one SSE event.
    pub fn of_messages(messages: LocalBoxStream<'static, Value>) -> Self {
        EventStream::new(messages.map(|message| event(&message)).boxed_local())
    }

    /// The chunks, once.
    pub fn take(&self) -> Option<LocalBoxStream<'static, Vec<u8>>> {
        self.0.borrow_mut().take()
    }
}

impl fmt::Debug for EventStream {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("EventStream")
    }
}

impl PartialEq for EventStream {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// One JSON-RPC message as an SSE `message` event.
pub fn event(message: &Value) -> Vec<u8> {
    format!("event: message\ndata: {message}\n\n").into_bytes()
}

/// An SSE comment line: keeps idle connections open through proxies.
pub fn keep_alive() -> Vec<u8> {
    b": keep-alive\n\n".to_vec()
}

/// The headers of an SSE response.
pub fn headers() -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), "text/event-stream".into()),
        ("Cache-Control".into(), "no-store".into()),
        ("X-Accel-Buffering".into(), "no".into()),
    ]
}
