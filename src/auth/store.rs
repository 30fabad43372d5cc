//! Tokens and what they stand for: access tokens (a
//! [`Grant`](super::grant::Grant)), refresh tokens and authorization codes.
//!
//! Each token carries its record sealed ([`seal::new_token`]), so a token
//! issued in one location validates in every other at once: KV is
//! eventually consistent (60 s or more between locations), and a token
//! that needed a KV read of its own fresh record would fail right after
//! login wherever the next request lands. KV holds the record sealed again
//! (under `{kind}:{sha256}`), and the revocation and single-use marks.
//!
//! The trade-off: a revocation (or a code's or refresh token's single use)
//! is immediate in the location that made it and reaches the others as KV
//! replicates, within about a minute. Access tokens from OAuth live an
//! hour; a revoked one is refused everywhere within that minute.
//!
//! Every failure to open — revoked, expired, tampered, another kind,
//! another server secret — is the same [`StoreError::NotFound`], so a
//! caller cannot tell them apart and tokens cannot be probed.

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
    /// The `requestState` of an `input_required` result: opened once.
    RequestState,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Access => "token",
            Kind::Refresh => "refresh",
            Kind::Code => "code",
            Kind::RequestState => "state",
        }
    }

    /// Whether a sealed copy is kept in KV (for listing and revocation);
    /// short-lived single-use kinds live in the token alone.
    fn kept_in_kv(self) -> bool {
        matches!(self, Kind::Access | Kind::Refresh)
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

    /// A fresh token carrying `record` until `expires_at`; the record is
    /// also kept sealed in KV (not for codes, which live minutes).
    pub async fn mint<T: Serialize>(
        &self,
        kind: Kind,
        record: &T,
        expires_at: u64,
    ) -> Result<String, StoreError> {
        let secret = self.secret()?;
        let plain = serde_json::to_vec(&Envelope { expires_at, record })
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        let token = seal::new_token(kind.prefix(), secret, &plain)
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        if kind.kept_in_kv() {
            let key = seal::kv_key(kind.prefix(), &token);
            let sealed = seal::seal(&token, &key, secret, &plain)
                .map_err(|e| StoreError::Storage(e.to_string()))?;
            self.kv
                .put(&key, &sealed, Some(self.ttl_until(expires_at)))
                .await
                .map_err(|e| StoreError::Storage(e.to_string()))?;
        }
        Ok(token)
    }

    fn ttl_until(&self, expires_at: u64) -> Duration {
        Duration::from_secs(expires_at.saturating_sub(self.now()).max(1))
    }

    fn revoked_key(kind: Kind, token: &str) -> String {
        seal::kv_key(&format!("revoked:{}", kind.prefix()), token)
    }

    /// The record `token` carries, if it is live: opened from the token
    /// itself, then checked against this location's revocation marks.
    pub async fn open<T: DeserializeOwned>(
        &self,
        kind: Kind,
        token: &str,
    ) -> Result<T, StoreError> {
        let (envelope, _) = self.open_envelope::<T>(kind, token).await?;
        Ok(envelope)
    }

    async fn open_envelope<T: DeserializeOwned>(
        &self,
        kind: Kind,
        token: &str,
    ) -> Result<(T, u64), StoreError> {
        let secret = self.secret()?;
        let plain = seal::open_token(kind.prefix(), secret, token)
            .map_err(|_: SealError| StoreError::NotFound)?;
        let envelope: Envelope<T> =
            serde_json::from_slice(&plain).map_err(|_| StoreError::NotFound)?;
        if self.now() >= envelope.expires_at {
            return Err(StoreError::NotFound);
        }
        let revoked = self
            .kv
            .get(&Self::revoked_key(kind, token))
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        if revoked.is_some() {
            return Err(StoreError::NotFound);
        }
        Ok((envelope.record, envelope.expires_at))
    }

    /// Opens a single-use token (a code, a refresh token) and marks it used.
    pub async fn consume<T: DeserializeOwned>(
        &self,
        kind: Kind,
        token: &str,
    ) -> Result<T, StoreError> {
        let (record, expires_at) = self.open_envelope::<T>(kind, token).await?;
        self.mark_revoked(kind, token, expires_at).await?;
        Ok(record)
    }

    async fn mark_revoked(
        &self,
        kind: Kind,
        token: &str,
        expires_at: u64,
    ) -> Result<(), StoreError> {
        self.kv
            .put(
                &Self::revoked_key(kind, token),
                b"1",
                Some(self.ttl_until(expires_at)),
            )
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        self.kv
            .delete(&seal::kv_key(kind.prefix(), token))
            .await
            .map_err(|e| StoreError::Storage(e.to_string()))
    }

    /// Revokes `token`; [`StoreError::NotFound`] if it does not open (a
    /// caller that does not care, like `/revoke`, ignores that).
    pub async fn revoke(&self, kind: Kind, token: &str) -> Result<(), StoreError> {
        let (_, expires_at) = self.open_envelope::<serde_json::Value>(kind, token).await?;
        self.mark_revoked(kind, token, expires_at).await
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
        // A token opens without its KV record (another location, not yet
        // replicated): only a revocation mark stops it.
        let record = kv.keys()[0].clone();
        pollster::block_on(kv.delete(&record)).unwrap();
        assert_eq!(
            pollster::block_on(store.open::<String>(Kind::Access, &token)).unwrap(),
            "grant"
        );
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
            pollster::block_on(store.revoke(Kind::Access, &live)),
            Err(StoreError::NotFound),
            "a revoked token does not open, even to be revoked again"
        );
        assert_eq!(
            pollster::block_on(store.open::<String>(Kind::Access, &live)),
            Err(StoreError::NotFound)
        );
    }

    #[test]
    fn single_use_tokens_open_once() {
        let (store, kv, _) = store();
        let code = pollster::block_on(store.mint(Kind::Code, &7, 1_800_000_300)).unwrap();
        assert!(kv.is_empty(), "codes keep no KV record");
        assert_eq!(
            pollster::block_on(store.consume::<i32>(Kind::Code, &code)),
            Ok(7)
        );
        assert_eq!(
            pollster::block_on(store.consume::<i32>(Kind::Code, &code)),
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
        chars[40] = if chars[40] == 'A' { 'B' } else { 'A' };
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
