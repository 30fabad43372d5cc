//! KS (Kaltura Session) v2: generated locally from partner id + admin
//! secret, byte-compatible with Kaltura's own `generateSessionV2`, and
//! parsed (v1 and v2) for the simulator and for describing a user-supplied
//! KS. See ../shared/reference/kaltura-api.md §2 for the format.
//!
//! TODO(sim helper): implement; the signatures below are the contract.

use super::ids::PartnerId;
use super::secret::{AdminSecret, Ks};

/// `_t` in a KS: 0 user, 2 admin (any other non-zero value reads as admin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionType {
    User,
    Admin,
}

impl SessionType {
    pub fn wire_value(self) -> u8 {
        match self {
            SessionType::User => 0,
            SessionType::Admin => 2,
        }
    }
}

/// What to put in a new KS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KsSpec {
    pub partner_id: PartnerId,
    pub session_type: SessionType,
    /// `""` for none.
    pub user_id: String,
    /// Kaltura privilege string, e.g. `disableentitlement,sview:*`.
    pub privileges: String,
    /// Absolute expiry, unix seconds.
    pub expires_at: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KsVersion {
    V1,
    V2,
}

/// A KS's decoded content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KsInfo {
    pub version: KsVersion,
    pub partner_id: PartnerId,
    pub session_type: SessionType,
    pub user_id: String,
    pub expires_at: u64,
    /// Privileges in order, `(name, value)`; value `""` when absent.
    pub privileges: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KsError {
    #[error("the KS is not a valid Kaltura session string")]
    Malformed,
    #[error("the KS signature does not match the partner's secret")]
    BadSignature,
    #[error("the KS could not be generated: {0}")]
    Generate(String),
}

/// A new KS v2 with 16 fresh random bytes.
pub fn generate(spec: &KsSpec, secret: &AdminSecret) -> Result<Ks, KsError> {
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(|error| KsError::Generate(error.to_string()))?;
    Ok(generate_with_random(spec, secret, random))
}

/// Deterministic KS v2 generation (test vectors).
pub fn generate_with_random(_spec: &KsSpec, _secret: &AdminSecret, _random: [u8; 16]) -> Ks {
    todo!()
}

/// The partner a KS claims, read without any secret (to pick which secret
/// to verify with). Says nothing about validity.
pub fn claimed_partner(_ks: &str) -> Result<PartnerId, KsError> {
    todo!()
}

/// Decodes and verifies a v1 or v2 KS against any of the partner's
/// secrets. Expiry is *not* checked here: callers compare `expires_at`.
pub fn parse(_ks: &str, _secrets: &[AdminSecret]) -> Result<KsInfo, KsError> {
    todo!()
}
