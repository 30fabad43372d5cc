//! The `requestState` of multi-round `input_required` flows. The client
//! carries it, so it is sealed (AES-256-GCM under a key derived from
//! `TOKEN_SECRET`, the same sealing as bearer tokens, kind `state`), bound
//! to the tool and round it was issued for, valid for ten minutes, and
//! single-use: a replayed or altered state is refused.

use crate::auth::store::{Kind, TokenStore};
use crate::context::Context;
use crate::mcp::jsonrpc::{ErrorCode, RpcError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

const LIFETIME_SECS: u64 = 10 * 60;

/// What a round leaves for the next: where the flow is, and what the
/// client has answered so far.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoundState {
    pub tool: String,
    pub round: u32,
    pub answers: Map<String, Value>,
}

fn store(ctx: &Context) -> TokenStore {
    let secret = ctx.config.auth.token_secret.as_ref();
    TokenStore::new(
        ctx.ports.kv.clone(),
        ctx.ports.clock.clone(),
        secret.map(|secret| secret.expose()),
    )
}

/// Seals `state` for the client to echo.
pub async fn seal(ctx: &Context, state: &RoundState) -> Result<String, RpcError> {
    let store = store(ctx);
    let expires_at = store.now() + LIFETIME_SECS;
    store
        .mint(Kind::RequestState, state, expires_at)
        .await
        .map_err(|error| RpcError::new(ErrorCode::InternalError, error.to_string()))
}

/// Opens (and uses up) an echoed state issued for `tool`.
pub async fn open(ctx: &Context, tool: &str, sealed: &str) -> Result<RoundState, RpcError> {
    let refused = || {
        RpcError::invalid_params(
            "requestState failed its integrity check: it was altered, has expired, was already used, or belongs to another request",
        )
    };
    let state: RoundState = store(ctx)
        .consume(Kind::RequestState, sealed)
        .await
        .map_err(|_| refused())?;
    if state.tool != tool {
        return Err(refused());
    }
    Ok(state)
}
