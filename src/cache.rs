//! The response cache: tenant-scoped keys and the TTL policy, over the
//! [`Kv`](crate::platform::Kv) port (Workers KV in the worker).
//!
//! - Keys are `cache:{partnerId}:{digest}`, where the digest covers who is
//!   asking (service URL, partner, user, session type and privileges, or a
//!   digest of a ready KS) and what (kind + request). One tenant can never
//!   read another's entries, and two users of one partner with different
//!   entitlements do not share answers either.
//! - Only successes are stored: an error is never cached.
//! - Each value carries its own expiry, checked on read with the clock, so
//!   TTLs hold exactly even though KV refuses TTLs under 60 s and may serve
//!   a stale copy for a while after a write elsewhere.
//! - The cache is an optimisation: a KV failure reads as a miss and a
//!   failed write is ignored, never failing the request.

use crate::kaltura::Credentials;
use crate::platform::{Clock, DynClock, DynKv, Kv};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

/// What is cached, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// One entry's metadata (with its flavors and asset counts).
    EntryMetadata,
    /// The whole category tree.
    CategoryTree,
    /// The newest entries (`kaltura://media/recent/{count}`).
    RecentMedia,
}

impl CachePolicy {
    pub fn ttl(self) -> Duration {
        match self {
            CachePolicy::EntryMetadata => Duration::from_secs(60),
            CachePolicy::CategoryTree => Duration::from_secs(30 * 60),
            CachePolicy::RecentMedia => Duration::from_secs(5 * 60),
        }
    }

    /// Part of the digested key, so kinds never collide.
    fn kind(self) -> &'static str {
        match self {
            CachePolicy::EntryMetadata => "entry",
            CachePolicy::CategoryTree => "category-tree",
            CachePolicy::RecentMedia => "recent-media",
        }
    }
}

/// Whether the last lookup was served from the cache (for logs and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheOutcome {
    Hit,
    Miss,
}

/// A cache bound to one tenant identity.
#[derive(Clone)]
pub struct Cache {
    kv: Rc<dyn DynKv>,
    clock: Rc<dyn DynClock>,
    partner_id: u64,
    identity: String,
}

#[derive(Serialize, Deserialize)]
struct Stored<T> {
    /// Expiry, unix milliseconds.
    exp: u64,
    value: T,
}

impl Cache {
    /// A cache for requests made with `credentials` against `service_url`.
    pub fn new(
        kv: Rc<dyn DynKv>,
        clock: Rc<dyn DynClock>,
        service_url: &str,
        credentials: &Credentials,
    ) -> Self {
        let identity = match credentials {
            Credentials::Secret {
                partner_id,
                user_id,
                session_type,
                privileges,
                ..
            } => format!(
                "{service_url}\n{partner_id}\nsecret\n{user_id}\n{}\n{privileges}",
                session_type.wire_value()
            ),
            // A ready KS carries its own user and privileges: its digest
            // is the identity (the KS itself never reaches a key).
            Credentials::Session { partner_id, ks } => format!(
                "{service_url}\n{partner_id}\nks\n{}",
                hex(&Sha256::digest(ks.expose().as_bytes()))
            ),
        };
        Cache {
            kv,
            clock,
            partner_id: credentials.partner_id().get(),
            identity,
        }
    }

    /// The KV key of `request` under `policy`.
    pub fn key(&self, policy: CachePolicy, request: &str) -> String {
        let mut digest = Sha256::new();
        for part in [self.identity.as_str(), policy.kind(), request] {
            digest.update(part.as_bytes());
            digest.update([0u8]);
        }
        format!("cache:{}:{}", self.partner_id, hex(&digest.finalize()))
    }

    /// The cached answer to `request`, or `fetch`'s, stored on success.
    pub async fn get_or_fetch<T, E, F>(
        &self,
        policy: CachePolicy,
        request: &str,
        fetch: F,
    ) -> Result<(T, CacheOutcome), E>
    where
        T: Serialize + DeserializeOwned,
        F: Future<Output = Result<T, E>>,
    {
        let key = self.key(policy, request);
        let now = self.clock.now_millis();
        if let Ok(Some(bytes)) = self.kv.get(&key).await {
            if let Ok(stored) = serde_json::from_slice::<Stored<T>>(&bytes) {
                if stored.exp > now {
                    return Ok((stored.value, CacheOutcome::Hit));
                }
            }
        }
        let value = fetch.await?;
        let ttl = policy.ttl();
        let stored = Stored {
            exp: now + ttl.as_millis() as u64,
            value,
        };
        if let Ok(bytes) = serde_json::to_vec(&stored) {
            let _ = self.kv.put(&key, &bytes, Some(ttl)).await;
        }
        Ok((stored.value, CacheOutcome::Miss))
    }
}

/// Whether `key` is a response-cache key (for the monitor's hit/miss counts).
pub fn is_cache_key(key: &str) -> bool {
    key.starts_with("cache:")
}

/// Whether a stored value is still fresh at `now_millis`: a read of it is a
/// hit. Only its expiry is parsed.
pub fn is_fresh(bytes: &[u8], now_millis: u64) -> bool {
    serde_json::from_slice::<Stored<serde::de::IgnoredAny>>(bytes)
        .is_ok_and(|stored| stored.exp > now_millis)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kaltura::{AdminSecret, PartnerId};
    use crate::platform::{ManualClock, MemoryKv};
    use std::cell::Cell;

    fn credentials(partner: u64, user: &str) -> Credentials {
        let mut credentials = Credentials::admin(
            PartnerId::new(partner).unwrap(),
            AdminSecret::new("0123456789abcdef0123456789abcdef"),
        );
        if let Credentials::Secret { user_id, .. } = &mut credentials {
            *user_id = user.into();
        }
        credentials
    }

    struct Setup {
        kv: Rc<MemoryKv>,
        clock: Rc<ManualClock>,
    }

    impl Setup {
        fn new() -> Self {
            Setup {
                kv: Rc::new(MemoryKv::default()),
                clock: Rc::new(ManualClock::at_secs(1_800_000_000)),
            }
        }

        fn cache(&self, credentials: &Credentials) -> Cache {
            Cache::new(
                self.kv.clone(),
                self.clock.clone(),
                "https://www.kaltura.com",
                credentials,
            )
        }
    }

    fn fetch_counting(
        calls: &Cell<u32>,
        value: Result<u32, String>,
    ) -> impl Future<Output = Result<u32, String>> + '_ {
        calls.set(calls.get() + 1);
        async move { value }
    }

    #[test]
    fn a_hit_skips_the_fetch_until_the_ttl_passes() {
        let setup = Setup::new();
        let cache = setup.cache(&credentials(101, ""));
        let calls = Cell::new(0);
        let run = |value| {
            pollster::block_on(cache.get_or_fetch(
                CachePolicy::EntryMetadata,
                "0_abcdefgh",
                fetch_counting(&calls, Ok(value)),
            ))
        };
        assert_eq!(run(1), Ok((1, CacheOutcome::Miss)));
        assert_eq!(run(2), Ok((1, CacheOutcome::Hit)));
        setup.clock.advance(Duration::from_secs(61));
        assert_eq!(run(3), Ok((3, CacheOutcome::Miss)));
        // The fetch future is built every time, but only awaited on a miss.
        assert_eq!(calls.get(), 3);
    }

    #[test]
    fn errors_are_never_cached() {
        let setup = Setup::new();
        let cache = setup.cache(&credentials(101, ""));
        let calls = Cell::new(0);
        let failed = pollster::block_on(cache.get_or_fetch(
            CachePolicy::CategoryTree,
            "",
            fetch_counting(&calls, Err("down".into())),
        ));
        assert_eq!(failed, Err("down".to_string()));
        assert!(setup.kv.is_empty());
    }

    #[test]
    fn keys_are_scoped_by_partner_and_user() {
        let setup = Setup::new();
        let alice = setup.cache(&credentials(101, "alice"));
        let bob = setup.cache(&credentials(101, "bob"));
        let other = setup.cache(&credentials(202, "alice"));
        let key = alice.key(CachePolicy::RecentMedia, "20");
        assert!(key.starts_with("cache:101:"), "{key}");
        assert_ne!(key, bob.key(CachePolicy::RecentMedia, "20"));
        assert!(other
            .key(CachePolicy::RecentMedia, "20")
            .starts_with("cache:202:"));
        assert_ne!(key, alice.key(CachePolicy::CategoryTree, "20"));
        assert_ne!(key, alice.key(CachePolicy::RecentMedia, "21"));

        pollster::block_on(
            alice.get_or_fetch(CachePolicy::RecentMedia, "20", async { Ok::<_, String>(7) }),
        )
        .unwrap();
        let (value, outcome) =
            pollster::block_on(
                bob.get_or_fetch(CachePolicy::RecentMedia, "20", async { Ok::<_, String>(8) }),
            )
            .unwrap();
        assert_eq!((value, outcome), (8, CacheOutcome::Miss));
    }

    #[test]
    fn no_secret_reaches_a_key_or_value() {
        let setup = Setup::new();
        let cache = setup.cache(&credentials(101, ""));
        pollster::block_on(cache.get_or_fetch(CachePolicy::EntryMetadata, "x", async {
            Ok::<_, String>("v".to_string())
        }))
        .unwrap();
        for key in setup.kv.keys() {
            assert!(!key.contains("0123456789abcdef"));
        }
    }
}
