//! A `Grant`: what a token lets its bearer do — act on one Kaltura
//! account, until a time. It is stored only sealed ([`super::seal`]).

use crate::kaltura::ks::SessionType;
use crate::kaltura::{AdminSecret, Credentials, HostPolicy, Ks, PartnerId, ServiceUrl};
use serde::{Deserialize, Serialize};

/// How the grant reaches Kaltura.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GrantCredential {
    /// KSs are generated from the admin secret, with these privileges and
    /// this lifetime.
    Secret {
        admin_secret: String,
        privileges: String,
        ks_expiry_secs: u64,
    },
    /// A ready KS; no secret is known.
    Ks { ks: String },
}

// Never print a secret or a KS, even in debug output.
impl std::fmt::Debug for GrantCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GrantCredential::Secret { privileges, .. } => {
                write!(f, "Secret {{ privileges: {privileges:?}, .. }}")
            }
            GrantCredential::Ks { .. } => f.write_str("Ks { .. }"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grant {
    pub service_url: String,
    pub partner_id: u64,
    pub user_id: String,
    pub credential: GrantCredential,
    /// Unix seconds.
    pub issued_at: u64,
    pub expires_at: u64,
}

impl Grant {
    pub fn is_expired(&self, now: u64) -> bool {
        now >= self.expires_at
    }

    /// The service URL (checked against `hosts` again: the policy may have
    /// tightened since the grant was made) and Kaltura credentials.
    pub fn account(&self, hosts: &HostPolicy) -> Result<(ServiceUrl, Credentials), String> {
        let service_url = ServiceUrl::parse(&self.service_url, hosts).map_err(|e| e.to_string())?;
        let partner_id = PartnerId::new(self.partner_id).map_err(|e| e.to_string())?;
        let credentials = match &self.credential {
            GrantCredential::Secret {
                admin_secret,
                privileges,
                ks_expiry_secs,
            } => Credentials::Secret {
                partner_id,
                secret: AdminSecret::new(admin_secret.clone()),
                user_id: self.user_id.clone(),
                session_type: SessionType::Admin,
                privileges: privileges.clone(),
                expiry_secs: *ks_expiry_secs,
            },
            GrantCredential::Ks { ks } => Credentials::Session {
                partner_id,
                ks: Ks::new(ks.clone()),
            },
        };
        Ok((service_url, credentials))
    }
}
