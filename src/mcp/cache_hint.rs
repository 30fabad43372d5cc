//! Caching hints of 2026-07-28 (`ttlMs`, `cacheScope`), which list and read
//! results must carry in the modern era.

use serde_json::{Map, Value};

/// Who may reuse a result, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CacheHint {
    pub ttl_ms: u64,
    pub scope: CacheScope,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheScope {
    /// The same for every caller: shared caches may serve it.
    Public,
    /// Depends on the caller's authorization (tenant data).
    Private,
}

impl CacheHint {
    pub const fn public(ttl_ms: u64) -> CacheHint {
        CacheHint {
            ttl_ms,
            scope: CacheScope::Public,
        }
    }

    pub const fn private(ttl_ms: u64) -> CacheHint {
        CacheHint {
            ttl_ms,
            scope: CacheScope::Private,
        }
    }

    pub fn apply(self, result: &mut Map<String, Value>) {
        result.insert("ttlMs".into(), self.ttl_ms.into());
        let scope = match self.scope {
            CacheScope::Public => "public",
            CacheScope::Private => "private",
        };
        result.insert("cacheScope".into(), scope.into());
    }
}
