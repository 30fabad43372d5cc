//! Input from the client, whichever the era: a handler names what it
//! needs ([`Need`]: a sampling, elicitation or roots request under a key)
//! and [`Exchange::gather`] obtains the answers — by asking a legacy client
//! on the request's stream, or by returning a 2026-07-28 `input_required`
//! result that the client answers in its retry.

use super::exchange::Exchange;
use super::jsonrpc::{ErrorCode, RpcError};
use super::server::Era;
use serde_json::{json, Map, Value};

/// Something a handler needs from the client: the request to send it, and
/// the key its answer comes back under (2026-07-28 `inputResponses`).
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub key: &'static str,
    pub method: &'static str,
    pub params: Value,
}

impl Need {
    /// The client capability answering this need requires.
    pub fn capability(&self) -> &'static str {
        match self.method {
            "sampling/createMessage" => "sampling",
            "elicitation/create" => "elicitation",
            "roots/list" => "roots",
            _ => "experimental",
        }
    }

    /// Whether `answer` has the shape of this method's result.
    fn accepts(&self, answer: &Value) -> bool {
        let field = match self.method {
            "sampling/createMessage" => "content",
            "elicitation/create" => "action",
            "roots/list" => "roots",
            _ => return answer.is_object(),
        };
        answer.get(field).is_some()
    }
}

/// What [`Exchange::gather`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum Gathered {
    /// Every answer, by key.
    All(Map<String, Value>),
    /// The `input_required` result to return (2026-07-28): the client
    /// retries with the answers.
    Pending(Value),
}

impl Exchange {
    /// Obtains the answers to `needs`, whichever the era: a legacy client
    /// is asked on this request's stream, one need after another; a
    /// 2026-07-28 client gets an `input_required` result listing the needs
    /// it has not answered yet (a caller with state to carry adds its
    /// sealed `requestState` to it) and answers them in its retry. Answers of the wrong shape, and needs
    /// the client declared no capability for, are protocol errors.
    pub async fn gather(&self, needs: &[Need]) -> Result<Gathered, RpcError> {
        if self.era() != Era::Modern {
            let mut answers = Map::new();
            for need in needs {
                let answer = self
                    .ask(need.method, need.params.clone())
                    .await
                    .map_err(|error| RpcError::new(ErrorCode::InternalError, error.to_string()))?;
                answers.insert(need.key.into(), answer);
            }
            return Ok(Gathered::All(answers));
        }
        let undeclared: Vec<&str> = needs
            .iter()
            .map(Need::capability)
            .filter(|capability| self.client_supports(capability) == Some(false))
            .collect();
        if !undeclared.is_empty() {
            return Err(Exchange::missing_capability(&undeclared));
        }
        let responses = self.input_responses()?;
        let mut answers = Map::new();
        let mut missing = Map::new();
        for need in needs {
            match responses.and_then(|responses| responses.get(need.key)) {
                Some(answer) if need.accepts(answer) => {
                    answers.insert(need.key.into(), answer.clone());
                }
                Some(_) => {
                    return Err(RpcError::invalid_params(format!(
                        "inputResponses[\"{}\"] is not a result of {}",
                        need.key, need.method
                    )))
                }
                None => {
                    let request = json!({ "method": need.method, "params": need.params });
                    missing.insert(need.key.into(), request);
                }
            }
        }
        if missing.is_empty() {
            return Ok(Gathered::All(answers));
        }
        let pending = json!({ "resultType": "input_required", "inputRequests": missing });
        Ok(Gathered::Pending(pending))
    }
}
