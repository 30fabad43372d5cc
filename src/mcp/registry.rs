//! A table of named async handlers, in registration order: what the tool
//! and prompt registries share (lookup by `name`, the `arguments` object,
//! stable listing order).

use super::exchange::Exchange;
use super::jsonrpc::RpcError;
use serde_json::{Map, Value};
use std::future::Future;
use std::pin::Pin;

pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T>>>;
pub type Handler<C, T> = Box<dyn Fn(C, Value, Exchange) -> BoxFuture<T>>;

struct Entry<C, T> {
    name: &'static str,
    handler: Handler<C, T>,
}

pub struct Registry<C, T> {
    /// What an entry is called in error messages ("tool", "prompt").
    kind: &'static str,
    entries: Vec<Entry<C, T>>,
    /// The listed objects, index for index with `entries`, kept apart so a
    /// list call borrows them instead of cloning the whole table.
    definitions: Vec<Value>,
}

impl<C, T> Registry<C, T> {
    pub fn new(kind: &'static str) -> Self {
        Registry {
            kind,
            entries: Vec::new(),
            definitions: Vec::new(),
        }
    }

    /// Adds an entry. Panics on a duplicate name: two entries with one name
    /// is a programming error, caught by the first test that builds the server.
    pub fn insert(&mut self, name: &'static str, definition: Value, handler: Handler<C, T>) {
        assert!(
            self.entries.iter().all(|entry| entry.name != name),
            "{} {name} registered twice",
            self.kind
        );
        self.entries.push(Entry { name, handler });
        self.definitions.push(definition);
    }

    pub fn definitions(&self) -> &[Value] {
        &self.definitions
    }

    /// Runs the entry named by `params.name` with `params.arguments` (an
    /// object, `{}` when absent). A missing or unknown name and non-object
    /// arguments are invalid params.
    pub async fn invoke(
        &self,
        ctx: C,
        params: &Map<String, Value>,
        exchange: &Exchange,
    ) -> Result<T, RpcError> {
        let kind = self.kind;
        let name = params.get("name").and_then(Value::as_str).ok_or_else(|| {
            RpcError::invalid_params(format!("A {kind} call needs a string `name`"))
        })?;
        let entry = self
            .entries
            .iter()
            .find(|entry| entry.name == name)
            .ok_or_else(|| RpcError::invalid_params(format!("Unknown {kind}: {name}")))?;
        let arguments = match params.get("arguments") {
            None | Some(Value::Null) => Value::Object(Map::new()),
            Some(arguments @ Value::Object(_)) => arguments.clone(),
            Some(_) => {
                return Err(RpcError::invalid_params(format!(
                    "The {kind}'s `arguments` must be an object"
                )))
            }
        };
        Ok((entry.handler)(ctx, arguments, exchange.clone()).await)
    }
}
