//! Fault injection and request statistics: added latency, a share of
//! HTTP 5xx answers, of silent (timed-out) connections and of truncated
//! bodies, drawn from a seeded generator so a run can be repeated.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct FaultSettings {
    pub latency_ms: u64,
    pub error_rate: f64,
    pub timeout_rate: f64,
    pub truncate_rate: f64,
    /// How long a "timed out" request stays silent.
    pub hang_ms: u64,
}

impl FaultSettings {
    pub const DEFAULT_HANG_MS: u64 = 120_000;

    /// Applies a partial update (`POST /__sim/faults`): only the fields
    /// present change.
    pub fn update(&mut self, patch: &serde_json::Value) -> Result<(), String> {
        let mut merged = serde_json::to_value(*self).map_err(|e| e.to_string())?;
        let (Some(target), Some(source)) = (merged.as_object_mut(), patch.as_object()) else {
            return Err("expected a JSON object".into());
        };
        for (key, value) in source {
            if !target.contains_key(key) {
                return Err(format!("unknown fault setting {key:?}"));
            }
            target.insert(key.clone(), value.clone());
        }
        let updated: FaultSettings = serde_json::from_value(merged).map_err(|e| e.to_string())?;
        for rate in [
            updated.error_rate,
            updated.timeout_rate,
            updated.truncate_rate,
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err("rates are between 0 and 1".into());
            }
        }
        *self = updated;
        Ok(())
    }
}

/// What happens to one api_v3 request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    None,
    ServerError,
    Timeout(Duration),
    Truncate,
}

/// xorshift64*: tiny, seeded, good enough to pick faults.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// Uniform in [0, 1).
    pub fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let value = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (value >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick(&mut self, settings: &FaultSettings) -> Fault {
        let roll = self.next_unit();
        let mut edge = settings.error_rate;
        if roll < edge {
            return Fault::ServerError;
        }
        edge += settings.timeout_rate;
        if roll < edge {
            let hang = if settings.hang_ms == 0 {
                FaultSettings::DEFAULT_HANG_MS
            } else {
                settings.hang_ms
            };
            return Fault::Timeout(Duration::from_millis(hang));
        }
        edge += settings.truncate_rate;
        if roll < edge {
            return Fault::Truncate;
        }
        Fault::None
    }
}

/// Counters served at `GET /__sim/stats`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// api_v3 HTTP requests (a multirequest counts once).
    pub total: u64,
    /// Calls per `service.action`, multirequest parts included.
    pub actions: BTreeMap<String, u64>,
    pub faults: BTreeMap<String, u64>,
    /// Non-api_v3 GETs (thumbnail, playManifest, serveFlavor).
    pub delivery: u64,
}

impl Stats {
    pub fn count_action(&mut self, service: &str, action: &str) {
        *self
            .actions
            .entry(format!("{}.{action}", service.to_lowercase()))
            .or_default() += 1;
    }

    pub fn count_fault(&mut self, fault: Fault) {
        let name = match fault {
            Fault::None => return,
            Fault::ServerError => "serverError",
            Fault::Timeout(_) => "timeout",
            Fault::Truncate => "truncate",
        };
        *self.faults.entry(name.into()).or_default() += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_pick_faults_in_proportion() {
        let settings = FaultSettings {
            error_rate: 0.2,
            truncate_rate: 0.1,
            ..Default::default()
        };
        let mut rng = Rng::new(7);
        let picks: Vec<Fault> = (0..10_000).map(|_| rng.pick(&settings)).collect();
        let errors = picks.iter().filter(|f| **f == Fault::ServerError).count();
        let truncated = picks.iter().filter(|f| **f == Fault::Truncate).count();
        assert!((1800..2200).contains(&errors), "{errors}");
        assert!((800..1200).contains(&truncated), "{truncated}");
    }

    #[test]
    fn partial_updates_and_bad_ones() {
        let mut settings = FaultSettings::default();
        settings
            .update(&serde_json::json!({"errorRate": 1}))
            .unwrap();
        assert_eq!(settings.error_rate, 1.0);
        assert!(settings
            .update(&serde_json::json!({"errorRatio": 1}))
            .is_err());
        assert!(settings
            .update(&serde_json::json!({"timeoutRate": 2}))
            .is_err());
        assert_eq!(settings.timeout_rate, 0.0);
    }
}
