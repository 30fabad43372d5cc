//! A local Kaltura api_v3 simulator for tests and `make dev`: the real
//! wire format (JSON and XML, `KalturaAPIException`, multirequest), real
//! KS v1/v2 validation against the demo partner's secrets, fixture data
//! from `fixtures/`, and injectable faults.
//!
//! Layout: `http` (the socket server), `params` (how Kaltura reads request
//! parameters), `sim` (routing, KS checks, formats, faults), `services/*`
//! (one module per service family), `render` (JSON/XML), `multirequest`,
//! `delivery` (thumbnail/playManifest/serveFlavor paths), `fixtures`.

pub mod delivery;
pub mod error;
pub mod faults;
pub mod fixtures;
pub mod http;
pub mod multirequest;
pub mod params;
pub mod render;
pub mod services;
pub mod sim;

pub use faults::FaultSettings;
pub use fixtures::Catalog;
pub use sim::{spawn, Simulator};
