//! Multi-tenant authorization: who a request acts for.
//!
//! - [`seal`]: opaque tokens and AES-256-GCM records keyed by HKDF;
//! - [`store`]: sealed records in KV (access and refresh tokens, codes);
//! - [`grant`]: what a token allows — one Kaltura account until a time;
//! - [`tokens`]: `/api/tokens` (mint after checking with Kaltura, describe, revoke);
//! - [`oauth`]: OAuth 2.1 for MCP clients (metadata, registration,
//!   authorize with a consent form, token with PKCE, refresh, revoke);
//! - [`gate`]: the `/mcp` gate — bearer token, header credentials or the
//!   single-tenant account, and the per-token rate limit.

pub mod form;
pub mod gate;
pub mod grant;
pub mod oauth;
pub mod seal;
pub mod store;
pub mod tokens;
