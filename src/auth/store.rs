//! Sealed records in KV, by token: access tokens (a [`Grant`]), refresh
//! tokens and authorization codes. Every failure to open — absent,
//! revoked, expired, tampered, another kind — is the same
//! [`StoreError::NotFound`], so a caller cannot tell them apart and tokens
//! cannot be probed.

use super::seal::{self, SealError};
use crate::platform::{Clock, DynClock, DynKv, Kv};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use std::time::Duration;

/// What a token opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Access,
    Refresh,
    Code,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Access => "token",
            Kind::Refresh => "refresh",
            Kind::Code => "code",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("unknown, expired or revoked token")]
    NotFound,
    #[error("token storage is not configured: set the TOKEN_SECRET secret")]
    NoSecret,
    #[error("token storage failed: {0}")]
    Storage(String),
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    expires_at: u64,
    record: T,
}

#[derive(Clone)]
pub struct TokenStore {
    kv: Rc<dyn DynKv>,
    clock: Rc<dyn DynClock>,
    secret: Option<Rc<[u8]>>,
}

impl TokenStore {
    pub fn new(kv: Rc<dyn DynKv>, clock: Rc<dyn DynClock>, secret: Option<&str>) -> Self {
        TokenStore {
            kv,
            clock,
            secret: secret
                .filter(|s| !s.is_empty())
                .map(|s| Rc::from(s.as_bytes())),
        }
    }

    pub fn now(&self) -> u64 {
        self.clock.now_secs()
    }

    fn secret(&self) -> Result<&[u8], StoreError> {
        self.secret.as_deref().ok_or(StoreError::NoSecret)
    }

    /// Stores `record` under a fresh token until `expires_at`.
    pub async fn mint<T: Serialize>(
        &self,
        kind: Kind,
        record: &T,
        expires_at: u64,
    ) -> Result<String, StoreError> {
        let secret = self.secret()?;
        let token = seal::new_token().map_err(|e| StoreError::Storage(e.to_string()))?;
        let key = seal::kv_key(kind.prefix(), &token);
        let plain = serde_json::to_vec(&Envelope { expires_at, record })
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        let sealed = seal::seal(&token, &key, secret, &plain)
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        let ttl = Duration::from_secs(expires_at.saturating_sub(self.now()).max(1));
        self.kv
            .put(&key, &sealed, Some(ttl))
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        Ok(token)
    }

    /// The record `token` opens, if it is live.
    pub async fn open<T: DeserializeOwned>(
        &self,
        kind: Kind,
        token: &str,
    ) -> Result<T, StoreError> {
        let secret = self.secret()?;
        if !seal::looks_like_token(token) {
            return Err(StoreError::NotFound);
        }
        let key = seal::kv_key(kind.prefix(), token);
        let sealed = self
            .kv
            .get(&key)
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))?
            .ok_or(StoreError::NotFound)?;
        let plain = seal::open(token, &key, secret, &sealed)
            .map_err(|_: SealError| StoreError::NotFound)?;
        let envelope: Envelope<T> =
            serde_json::from_slice(&plain).map_err(|_| StoreError::NotFound)?;
        if self.now() >= envelope.expires_at {
            return Err(StoreError::NotFound);
        }
        Ok(envelope.record)
    }

    /// Forgets `token` (revocation, single use).
    pub async fn revoke(&self, kind: Kind, token: &str) -> Result<(), StoreError> {
        if !seal::looks_like_token(token) {
            return Ok(());
        }
        self.kv
            .delete(&seal::kv_key(kind.prefix(), token))
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))
    }

    /// A record that is not a secret (a registered OAuth client), in clear.
    pub async fn put_plain<T: Serialize>(
        &self,
        key: &str,
        record: &T,
        ttl: Duration,
    ) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(record).map_err(|e| StoreError::Storage(e.to_string()))?;
        self.kv
            .put(key, &bytes, Some(ttl))
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))
    }

    pub async fn get_plain<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        let bytes = self
            .kv
            .get(key)
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        Ok(bytes.and_then(|bytes| serde_json::from_slice(&bytes).ok()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::{ManualClock, MemoryKv};

    fn store() -> (TokenStore, Rc<MemoryKv>, Rc<ManualClock>) {
        let kv = Rc::new(MemoryKv::default());
        let clock = Rc::new(ManualClock::at_secs(1_800_000_000));
        (
            TokenStore::new(kv.clone(), clock.clone(), Some("s3cret-s3cret-s3cret")),
            kv,
            clock,
        )
    }

    #[test]
    fn mint_open_revoke_and_expire() {
        let (store, kv, clock) = store();
        let token = pollster::block_on(store.mint(Kind::Access, &"grant", 1_800_000_100)).unwrap();
        let opened: String = pollster::block_on(store.open(Kind::Access, &token)).unwrap();
        assert_eq!(opened, "grant");
        assert!(kv.keys()[0].starts_with("token:"));
        // Another kind does not open it.
        assert_eq!(
            pollster::block_on(store.open::<String>(Kind::Refresh, &token)),
            Err(StoreError::NotFound)
        );
        clock.advance(Duration::from_secs(100));
        assert_eq!(
            pollster::block_on(store.open::<String>(Kind::Access, &token)),
            Err(StoreError::NotFound)
        );
        let live = pollster::block_on(store.mint(Kind::Access, &"g", 1_900_000_000)).unwrap();
        pollster::block_on(store.revoke(Kind::Access, &live)).unwrap();
        assert_eq!(
            pollster::block_on(store.open::<String>(Kind::Access, &live)),
            Err(StoreError::NotFound)
        );
    }

    #[test]
    fn no_secret_means_no_tokens() {
        let kv = Rc::new(MemoryKv::default());
        let store = TokenStore::new(kv, Rc::new(ManualClock::default()), None);
        assert_eq!(
            pollster::block_on(store.mint(Kind::Access, &1, 10)),
            Err(StoreError::NoSecret)
        );
    }

    #[test]
    fn a_tampered_token_is_just_unknown() {
        let (store, _, _) = store();
        let token = pollster::block_on(store.mint(Kind::Access, &"g", 1_900_000_000)).unwrap();
        let mut chars: Vec<char> = token.chars().collect();
        chars[10] = if chars[10] == 'A' { 'B' } else { 'A' };
        let tampered: String = chars.into_iter().collect();
        assert_eq!(
            pollster::block_on(store.open::<String>(Kind::Access, &tampered)),
            Err(StoreError::NotFound)
        );
        assert_eq!(
            pollster::block_on(store.open::<String>(Kind::Access, "garbage")),
            Err(StoreError::NotFound)
        );
    }
}
