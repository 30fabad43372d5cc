//! Counters and latency histograms keyed by label values, and their
//! Prometheus text exposition (format 0.0.4). Everything here is one
//! isolate's memory: every series carries an `isolate` label so a scraper
//! never mistakes one isolate's figures for the deployment's.

use std::collections::BTreeMap;
use std::fmt::Write;

/// Upper bounds of the latency buckets, in seconds.
pub const LATENCY_BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// One metric's identity: name, help and type, rendered in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Metric {
    pub name: &'static str,
    pub help: &'static str,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Counter,
    Gauge,
    Histogram,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Counter => "counter",
            Kind::Gauge => "gauge",
            Kind::Histogram => "histogram",
        }
    }
}

/// Label pairs of one series, in a fixed order.
pub type Labels = Vec<(&'static str, String)>;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Histogram {
    /// Non-cumulative counts per bucket of [`LATENCY_BUCKETS`]; the last
    /// slot is the overflow (`+Inf` only).
    buckets: [u64; LATENCY_BUCKETS.len() + 1],
    count: u64,
    sum: f64,
}

impl Histogram {
    pub fn observe(&mut self, seconds: f64) {
        let slot = LATENCY_BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.buckets[slot] += 1;
        self.count += 1;
        self.sum += seconds;
    }

    pub fn count(&self) -> u64 {
        self.count
    }
}

/// Every series of this isolate.
#[derive(Debug, Default)]
pub struct Registry {
    values: BTreeMap<Metric, BTreeMap<Labels, f64>>,
    histograms: BTreeMap<Metric, BTreeMap<Labels, Histogram>>,
}

impl Registry {
    pub fn add(&mut self, metric: Metric, labels: Labels, by: f64) {
        *self
            .values
            .entry(metric)
            .or_default()
            .entry(labels)
            .or_default() += by;
    }

    pub fn set(&mut self, metric: Metric, labels: Labels, value: f64) {
        self.values.entry(metric).or_default().insert(labels, value);
    }

    pub fn observe(&mut self, metric: Metric, labels: Labels, seconds: f64) {
        self.histograms
            .entry(metric)
            .or_default()
            .entry(labels)
            .or_default()
            .observe(seconds);
    }

    /// A counter's or gauge's value (tests and health).
    pub fn value(&self, metric: Metric, labels: &[(&'static str, &str)]) -> f64 {
        self.values
            .get(&metric)
            .and_then(|series| {
                series.iter().find(|(key, _)| {
                    key.len() == labels.len()
                        && key
                            .iter()
                            .zip(labels)
                            .all(|(a, b)| a.0 == b.0 && a.1 == b.1)
                })
            })
            .map_or(0.0, |(_, value)| *value)
    }

    /// All series in the text exposition format, each labelled with
    /// `isolate` last.
    pub fn render(&self, isolate: &str) -> String {
        let mut out = String::new();
        let mut metrics: Vec<Metric> = self
            .values
            .keys()
            .chain(self.histograms.keys())
            .copied()
            .collect();
        metrics.sort();
        metrics.dedup();
        for metric in metrics {
            let _ = writeln!(out, "# HELP {} {}", metric.name, metric.help);
            let _ = writeln!(out, "# TYPE {} {}", metric.name, metric.kind.as_str());
            for (labels, value) in self.values.get(&metric).into_iter().flatten() {
                let _ = writeln!(
                    out,
                    "{}{} {}",
                    metric.name,
                    label_set(labels, isolate, None),
                    number(*value)
                );
            }
            for (labels, histogram) in self.histograms.get(&metric).into_iter().flatten() {
                render_histogram(&mut out, metric.name, labels, isolate, histogram);
            }
        }
        out
    }
}

fn render_histogram(
    out: &mut String,
    name: &str,
    labels: &Labels,
    isolate: &str,
    histogram: &Histogram,
) {
    let mut cumulative = 0;
    let bounds = LATENCY_BUCKETS.iter().map(|bound| number(*bound));
    for (count, bound) in histogram
        .buckets
        .iter()
        .zip(bounds.chain(["+Inf".to_owned()]))
    {
        cumulative += count;
        let _ = writeln!(
            out,
            "{name}_bucket{} {cumulative}",
            label_set(labels, isolate, Some(&bound))
        );
    }
    let set = label_set(labels, isolate, None);
    let _ = writeln!(out, "{name}_sum{set} {}", number(histogram.sum));
    let _ = writeln!(out, "{name}_count{set} {}", histogram.count);
}

fn label_set(labels: &Labels, isolate: &str, le: Option<&str>) -> String {
    let mut pairs: Vec<String> = labels
        .iter()
        .map(|(name, value)| format!("{name}=\"{}\"", escape(value)))
        .collect();
    pairs.push(format!("isolate=\"{}\"", escape(isolate)));
    if let Some(le) = le {
        pairs.push(format!("le=\"{le}\""));
    }
    format!("{{{}}}", pairs.join(","))
}

/// Label values escape backslash, double quote and newline.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HITS: Metric = Metric {
        name: "test_hits_total",
        help: "Hits.",
        kind: Kind::Counter,
    };
    const LATENCY: Metric = Metric {
        name: "test_latency_seconds",
        help: "Latency.",
        kind: Kind::Histogram,
    };

    #[test]
    fn counters_render_with_help_type_and_the_isolate_label() {
        let mut registry = Registry::default();
        registry.add(HITS, vec![("route", "/mcp".into())], 1.0);
        registry.add(HITS, vec![("route", "/mcp".into())], 2.0);
        registry.add(HITS, vec![("route", "say \"hi\"\n".into())], 1.0);
        let text = registry.render("abc");
        assert!(text.contains("# HELP test_hits_total Hits.\n# TYPE test_hits_total counter\n"));
        assert!(
            text.contains("test_hits_total{route=\"/mcp\",isolate=\"abc\"} 3\n"),
            "{text}"
        );
        assert!(text.contains(r#"route="say \"hi\"\n""#), "{text}");
        assert_eq!(registry.value(HITS, &[("route", "/mcp")]), 3.0);
        assert_eq!(registry.value(HITS, &[("route", "/other")]), 0.0);
    }

    #[test]
    fn histograms_are_cumulative_and_end_in_inf() {
        let mut registry = Registry::default();
        for seconds in [0.001, 0.02, 0.02, 60.0] {
            registry.observe(LATENCY, vec![("tool", "t".into())], seconds);
        }
        let text = registry.render("i");
        assert!(
            text.contains("test_latency_seconds_bucket{tool=\"t\",isolate=\"i\",le=\"0.005\"} 1\n"),
            "{text}"
        );
        assert!(text.contains("le=\"0.025\"} 3\n"), "{text}");
        assert!(text.contains("le=\"30\"} 3\n"), "{text}");
        assert!(text.contains("le=\"+Inf\"} 4\n"), "{text}");
        assert!(text.contains("test_latency_seconds_count{tool=\"t\",isolate=\"i\"} 4\n"));
        assert!(
            text.contains("test_latency_seconds_sum{tool=\"t\",isolate=\"i\"} 60.041"),
            "{text}"
        );
    }
}
