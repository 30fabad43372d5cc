//! The Kaltura api_v3 client, knowing nothing of MCP.
//!
//! - [`ids`]: validated identifiers (`PartnerId`, `EntryId`);
//! - [`secret`]: redacted secrets (`AdminSecret`, `Ks`);
//! - [`ks`]: KS v2 generation and KS parsing.

pub mod ids;
pub mod ks;
pub mod secret;
