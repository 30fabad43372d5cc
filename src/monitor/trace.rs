//! [`Trace`]: what one request did — Kaltura round trips, cache lookups,
//! partner, auth refusal, rate limiting — gathered by the counting ports
//! and the gateway while it runs, read once when it finishes.

use super::probe::Outcome;
use super::random_hex;
use std::cell::RefCell;

/// What one request did, gathered while it runs.
#[derive(Debug)]
pub struct Trace {
    pub request_id: String,
    pub started_millis: u64,
    facts: RefCell<Facts>,
}

/// The per-request facts a [`Trace`] collects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub kaltura_calls: u32,
    pub kaltura_round_trips: u32,
    pub kaltura_failures: u32,
    pub cache_hits: u32,
    pub cache_misses: u32,
    pub partner_id: Option<u64>,
    pub auth_failure: Option<&'static str>,
    pub rate_limited: bool,
}

impl Trace {
    /// `request_id` comes from the platform (`cf-ray`) when it gives one.
    pub fn begin(request_id: Option<&str>, started_millis: u64) -> Self {
        let request_id = request_id
            .filter(|id| {
                id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            .map(str::to_owned)
            .unwrap_or_else(|| random_hex(8));
        Trace {
            request_id,
            started_millis,
            facts: RefCell::default(),
        }
    }

    pub fn facts(&self) -> Facts {
        self.facts.borrow().clone()
    }

    pub fn kaltura_round_trip(&self, calls: usize, outcome: Outcome) {
        let mut facts = self.facts.borrow_mut();
        facts.kaltura_round_trips += 1;
        facts.kaltura_calls += calls as u32;
        if outcome.is_failure() {
            facts.kaltura_failures += 1;
        }
    }

    pub fn cache_lookup(&self, hit: bool) {
        let mut facts = self.facts.borrow_mut();
        if hit {
            facts.cache_hits += 1;
        } else {
            facts.cache_misses += 1;
        }
    }

    pub fn set_partner(&self, partner_id: Option<u64>) {
        self.facts.borrow_mut().partner_id = partner_id;
    }

    pub fn auth_failure(&self, reason: &'static str) {
        self.facts.borrow_mut().auth_failure = Some(reason);
    }

    pub fn rate_limited(&self) {
        self.facts.borrow_mut().rate_limited = true;
    }
}
