//! kaltura-mcp: the platform-free core of a remote MCP server for Kaltura.
//!
//! It builds natively (for tests) and for `wasm32-unknown-unknown`, where the
//! Cloudflare Worker adapter (`worker/`) and the browser page (`www/`) use it.
//!
//! Module map:
//! - [`mcp`]: the protocol, knowing nothing of Kaltura — JSON-RPC, eras and
//!   versions, dispatch, tool/prompt/resource registries, streamable HTTP;
//! - [`app`]: the product server: its identity and registries;
//! - [`tools`], [`prompts`], [`resources`]: what the product offers, one
//!   file per family; [`cache`]: tenant-scoped response caching over KV;
//! - [`kaltura`]: the Kaltura api_v3 client, knowing nothing of MCP;
//! - [`platform`]: ports to the outside world (Http, Clock, Kv);
//!   [`native_http`] implements Http over `std::net` for native tests;
//! - [`context`]: what each call receives (config, ports, Kaltura client);
//! - [`auth`]: tokens, OAuth and the `/mcp` gate; [`gateway`]: every HTTP
//!   route besides the static page; [`monitor`]: metrics, health, logs
//!   and alerts of each isolate;
//! - [`time`]: unix time to UTC calendar strings;
//! - [`config`]: typed configuration from deployment variables.

pub mod app;
pub mod auth;
pub mod cache;
pub mod captions;
pub mod config;
pub mod conformance;
pub mod context;
pub mod gateway;
pub mod kaltura;
pub mod mcp;
pub mod monitor;
#[cfg(not(target_arch = "wasm32"))]
pub mod native_http;
pub mod platform;
pub mod prompts;
pub mod protocol_state;
pub mod resources;
pub mod time;
pub mod tools;
