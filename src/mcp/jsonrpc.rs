//! JSON-RPC 2.0 messages as MCP uses them: classifying an incoming value,
//! and building results and error objects.
//!
//! MCP narrows JSON-RPC: ids are strings or integers (never null), params
//! are objects, and an error whose request id could not be read omits `id`.

use serde::Serialize;
use serde_json::{Map, Value};

/// The standard JSON-RPC codes plus the MCP-reserved ones this server sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    ParseError,
    InvalidRequest,
    MethodNotFound,
    InvalidParams,
    InternalError,
    /// Legacy eras (≤ 2025-11-25): the resource does not exist.
    ResourceNotFound,
    /// 2026-07-28: an `Mcp-*` header is absent or disagrees with the body.
    HeaderMismatch,
    /// 2026-07-28: the request needs a client capability it did not declare.
    MissingRequiredClientCapability,
    /// 2026-07-28: the requested protocol version is not served here.
    UnsupportedProtocolVersion,
}

impl ErrorCode {
    pub fn code(self) -> i64 {
        match self {
            ErrorCode::ParseError => -32700,
            ErrorCode::InvalidRequest => -32600,
            ErrorCode::MethodNotFound => -32601,
            ErrorCode::InvalidParams => -32602,
            ErrorCode::InternalError => -32603,
            ErrorCode::ResourceNotFound => -32002,
            ErrorCode::HeaderMismatch => -32020,
            ErrorCode::MissingRequiredClientCapability => -32021,
            ErrorCode::UnsupportedProtocolVersion => -32022,
        }
    }
}

/// A JSON-RPC error object: what goes under `"error"`.
#[derive(Debug, Clone, PartialEq)]
pub struct RpcError {
    pub code: ErrorCode,
    pub message: String,
    pub data: Option<Value>,
}

impl RpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        RpcError {
            code,
            message: message.into(),
            data: None,
        }
    }

    pub fn with_data(mut self, data: Value) -> Self {
        self.data = Some(data);
        self
    }

    pub fn invalid_params(message: impl Into<String>) -> Self {
        RpcError::new(ErrorCode::InvalidParams, message)
    }

    pub fn invalid_request(message: impl Into<String>) -> Self {
        RpcError::new(ErrorCode::InvalidRequest, message)
    }

    pub fn method_not_found(method: &str) -> Self {
        RpcError::new(
            ErrorCode::MethodNotFound,
            format!("Method not found: {method}"),
        )
    }

    pub fn to_value(&self) -> Value {
        let mut error = Map::new();
        error.insert("code".into(), self.code.code().into());
        error.insert("message".into(), self.message.clone().into());
        if let Some(data) = &self.data {
            error.insert("data".into(), data.clone());
        }
        Value::Object(error)
    }
}

/// A request id: MCP allows strings and integers only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RequestId {
    Number(i64),
    String(String),
}

impl RequestId {
    fn from_value(value: &Value) -> Option<RequestId> {
        match value {
            Value::String(s) => Some(RequestId::String(s.clone())),
            Value::Number(n) => n.as_i64().map(RequestId::Number),
            _ => None,
        }
    }
}

/// A request: a method call that expects an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub id: RequestId,
    pub method: String,
    /// Always an object; an absent `params` reads as `{}`.
    pub params: Map<String, Value>,
}

impl Request {
    /// `params._meta`, if present and an object.
    pub fn meta(&self) -> Option<&Map<String, Value>> {
        self.params.get("_meta").and_then(Value::as_object)
    }
}

/// One incoming JSON-RPC message, classified.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Request(Request),
    Notification {
        method: String,
    },
    /// A client's answer to a request this server sent on a stream.
    Response {
        id: RequestId,
    },
}

/// Why a value is not a usable JSON-RPC message, with the id when readable
/// so the error can still be matched to its request.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub id: Option<RequestId>,
    pub error: RpcError,
}

impl Message {
    /// Classifies one JSON value (not an array) as a JSON-RPC message.
    pub fn classify(value: &Value) -> Result<Message, Rejected> {
        let reject = |id: Option<RequestId>, message: &str| Rejected {
            id,
            error: RpcError::invalid_request(message),
        };
        let Some(object) = value.as_object() else {
            return Err(reject(None, "a JSON-RPC message must be a JSON object"));
        };
        let id = match object.get("id") {
            None => None,
            Some(raw) => match RequestId::from_value(raw) {
                Some(id) => Some(id),
                None => return Err(reject(None, "`id` must be a string or an integer")),
            },
        };
        if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
            return Err(reject(id, "`jsonrpc` must be \"2.0\""));
        }
        let Some(method) = object.get("method") else {
            if let Some(id) = id.clone() {
                if object.contains_key("result") || object.contains_key("error") {
                    return Ok(Message::Response { id });
                }
            }
            return Err(reject(
                id,
                "a message needs a `method`, or a `result`/`error`",
            ));
        };
        let Some(method) = method.as_str() else {
            return Err(reject(id, "`method` must be a string"));
        };
        let params = match object.get("params") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(params)) => params.clone(),
            Some(_) => {
                return Err(Rejected {
                    id,
                    error: RpcError::invalid_params("`params` must be an object"),
                })
            }
        };
        Ok(match id {
            Some(id) => Message::Request(Request {
                id,
                method: method.to_owned(),
                params,
            }),
            None => Message::Notification {
                method: method.to_owned(),
            },
        })
    }
}

/// A success response envelope.
pub fn result_response(id: &RequestId, result: Value) -> Value {
    serde_json::json!({ "jsonrpc": "2.0", "id": id, "result": result })
}

/// An error response envelope; `id` is omitted when it could not be read.
pub fn error_response(id: Option<&RequestId>, error: &RpcError) -> Value {
    let mut envelope = Map::new();
    envelope.insert("jsonrpc".into(), "2.0".into());
    if let Some(id) = id {
        envelope.insert("id".into(), serde_json::to_value(id).unwrap_or(Value::Null));
    }
    envelope.insert("error".into(), error.to_value());
    Value::Object(envelope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn classifies_requests_notifications_and_responses() {
        let request = Message::classify(&json!({"jsonrpc":"2.0","id":7,"method":"ping"})).unwrap();
        assert_eq!(
            request,
            Message::Request(Request {
                id: RequestId::Number(7),
                method: "ping".into(),
                params: Map::new()
            })
        );
        let note =
            Message::classify(&json!({"jsonrpc":"2.0","method":"notifications/initialized"}));
        assert_eq!(
            note.unwrap(),
            Message::Notification {
                method: "notifications/initialized".into()
            }
        );
        let answer = Message::classify(&json!({"jsonrpc":"2.0","id":"a","result":{}}));
        assert_eq!(
            answer.unwrap(),
            Message::Response {
                id: RequestId::String("a".into())
            }
        );
    }

    #[test]
    fn rejects_malformed_messages_keeping_the_id() {
        let bad_version =
            Message::classify(&json!({"jsonrpc":"1.0","id":3,"method":"ping"})).unwrap_err();
        assert_eq!(bad_version.id, Some(RequestId::Number(3)));
        assert_eq!(bad_version.error.code, ErrorCode::InvalidRequest);

        let null_id =
            Message::classify(&json!({"jsonrpc":"2.0","id":null,"method":"ping"})).unwrap_err();
        assert_eq!(null_id.id, None);

        let bad_params =
            Message::classify(&json!({"jsonrpc":"2.0","id":"x","method":"ping","params":[1]}))
                .unwrap_err();
        assert_eq!(bad_params.error.code, ErrorCode::InvalidParams);
        assert_eq!(bad_params.id, Some(RequestId::String("x".into())));

        assert!(Message::classify(&json!([1, 2])).is_err());
        assert!(Message::classify(&json!({"jsonrpc":"2.0","id":1})).is_err());
    }

    #[test]
    fn error_envelope_omits_unknown_id() {
        let error = RpcError::new(ErrorCode::ParseError, "bad json");
        let envelope = error_response(None, &error);
        assert_eq!(
            envelope,
            json!({"jsonrpc":"2.0","error":{"code":-32700,"message":"bad json"}})
        );
        let with_id = error_response(Some(&RequestId::String("r".into())), &error);
        assert_eq!(with_id["id"], "r");
    }
}
