//! The Model Context Protocol, knowing nothing of Kaltura.
//!
//! - [`jsonrpc`]: messages, ids and error codes;
//! - [`version`]: protocol revisions and the two wire eras;
//! - [`server`]: lifecycle and dispatch over the registries;
//! - [`tool`], [`prompt`], [`resource`]: what a server offers, the first
//!   two over the named-handler table in [`registry`];
//! - [`schema`], [`pagination`], [`cache_hint`]: helpers of the above;
//! - [`exchange`]: what a handler may do mid-request (progress, logging,
//!   asking the client), [`input`] (needs answered by either era),
//!   [`stream`] (server-sent events) and
//!   [`subscription`] (`subscriptions/listen`);
//! - [`http`]: streamable HTTP as a pure function, with [`envelope`] (the
//!   era's header and `_meta` rules) and [`origin`] (Origin check, CORS).

pub mod cache_hint;
pub mod completion;
pub mod envelope;
pub mod exchange;
pub mod http;
pub mod input;
pub mod jsonrpc;
pub mod origin;
pub mod pagination;
pub mod prompt;
pub mod registry;
pub mod resource;
pub mod schema;
pub mod server;
pub mod stream;
pub mod subscription;
pub mod tool;
pub mod version;
