//! The Kaltura api_v3 client, knowing nothing of MCP.
//!
//! - [`client`]: `Client` — single calls, multirequests, timeouts, retries;
//! - [`request`]: `Call<T>` (a typed `service.action`) and `MultiRequest`;
//! - [`api`]: the calls and filters the tools use, by service;
//! - [`session`]: `Credentials` and the reused, locally generated KS;
//! - [`ks`]: KS v2 generation and KS parsing;
//! - [`model`]: typed response objects, decoded leniently;
//! - [`response`]: bytes to values or errors;
//! - [`error`]: `KalturaError`, with messages a person can act on;
//! - [`service_url`]: the validated API base (https + host allow-list);
//! - [`ids`], [`secret`]: validated identifiers, redacted secrets.

pub mod api;
pub mod client;
#[cfg(test)]
mod client_tests;
pub mod error;
pub mod ids;
pub mod ks;
pub mod model;
pub mod request;
mod response;
pub mod secret;
pub mod service_url;
pub mod session;

pub use client::{Client, ClientOptions, Download, MultiResponse};
pub use error::KalturaError;
pub use ids::{AssetId, EntryId, PartnerId};
pub use request::{Call, MultiRequest, Slot};
pub use secret::{AdminSecret, Ks, ServerSecret};
pub use service_url::{HostPolicy, ServiceUrl};
pub use session::{Credentials, SessionCache};
