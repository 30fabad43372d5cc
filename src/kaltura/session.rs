//! Where a client's KS comes from: generated locally from the partner's
//! secret (no `session.start` round trip) and reused until 80% of its
//! lifetime has passed, or handed over ready-made by the user.

use super::error::KalturaError;
use super::ids::PartnerId;
use super::ks::{self, KsSpec, SessionType};
use super::secret::{AdminSecret, Ks};
use std::cell::RefCell;

/// Default KS lifetime: one day, as `session.start` uses.
pub const DEFAULT_SESSION_EXPIRY_SECS: u64 = 86_400;

/// A fresh KS is made once this share of the old one's lifetime is gone.
const REUSE_FRACTION: (u64, u64) = (4, 5);

/// How to authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// Partner id + admin secret: KSs are generated locally.
    Secret {
        partner_id: PartnerId,
        secret: AdminSecret,
        user_id: String,
        session_type: SessionType,
        privileges: String,
        /// Lifetime of each generated KS, in seconds.
        expiry_secs: u64,
    },
    /// A ready KS; no secret is known.
    Session { partner_id: PartnerId, ks: Ks },
}

impl Credentials {
    /// Admin-secret credentials with the defaults: admin type, one-day KS.
    pub fn admin(partner_id: PartnerId, secret: AdminSecret) -> Self {
        Credentials::Secret {
            partner_id,
            secret,
            user_id: String::new(),
            session_type: SessionType::Admin,
            privileges: String::new(),
            expiry_secs: DEFAULT_SESSION_EXPIRY_SECS,
        }
    }

    /// Ready-KS credentials; the partner is read from the KS itself.
    pub fn from_ks(ks: Ks) -> Result<Self, KalturaError> {
        let partner_id = ks::claimed_partner(ks.expose()).map_err(|_| {
            KalturaError::Session("the KS given is not a Kaltura session string".into())
        })?;
        Ok(Credentials::Session { partner_id, ks })
    }

    pub fn partner_id(&self) -> PartnerId {
        match self {
            Credentials::Secret { partner_id, .. } | Credentials::Session { partner_id, .. } => {
                *partner_id
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Issued {
    ks: Ks,
    renew_at: u64,
}

/// The current KS of one set of credentials. Share it (`Rc`) between the
/// clients of one tenant to reuse KSs across requests.
#[derive(Debug, Default)]
pub struct SessionCache {
    issued: RefCell<Option<Issued>>,
}

impl SessionCache {
    /// The KS to use at `now` (unix seconds).
    pub fn ks(&self, credentials: &Credentials, now: u64) -> Result<Ks, KalturaError> {
        let (partner_id, secret, user_id, session_type, privileges, expiry_secs) = match credentials
        {
            Credentials::Session { ks, .. } => return Ok(ks.clone()),
            Credentials::Secret {
                partner_id,
                secret,
                user_id,
                session_type,
                privileges,
                expiry_secs,
            } => (
                partner_id,
                secret,
                user_id,
                session_type,
                privileges,
                expiry_secs,
            ),
        };
        if let Some(issued) = self.issued.borrow().as_ref() {
            if now < issued.renew_at {
                return Ok(issued.ks.clone());
            }
        }
        let lifetime = (*expiry_secs).max(60);
        let spec = KsSpec {
            partner_id: *partner_id,
            session_type: *session_type,
            user_id: user_id.clone(),
            privileges: privileges.clone(),
            expires_at: now + lifetime,
        };
        let ks = ks::generate(&spec, secret)
            .map_err(|error| KalturaError::Session(error.to_string()))?;
        let renew_at = now + lifetime * REUSE_FRACTION.0 / REUSE_FRACTION.1;
        *self.issued.borrow_mut() = Some(Issued {
            ks: ks.clone(),
            renew_at,
        });
        Ok(ks)
    }
}
