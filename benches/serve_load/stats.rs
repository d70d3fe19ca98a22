//! Percentiles of the measured times (nearest rank), printed in
//! milliseconds.

use std::fmt;
use std::time::Duration;

/// p50, p99 and the maximum of a set of times.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub n: usize,
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

/// The value at rank `p` (0..=1) of sorted `v`: the smallest value with at
/// least that share of the values at or below it.
fn rank(v: &[f64], p: f64) -> f64 {
    let i = ((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}

impl Stats {
    /// The figures of `times`, or `None` for no times.
    pub fn of(times: impl IntoIterator<Item = Duration>) -> Option<Self> {
        let mut v: Vec<f64> = times
            .into_iter()
            .map(|d| d.as_secs_f64() * 1000.0)
            .collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        Some(Self {
            n: v.len(),
            p50: rank(&v, 0.5),
            p99: rank(&v, 0.99),
            max: v[v.len() - 1],
        })
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "p50 {} / p99 {} / max {} (n = {})",
            ms(self.p50),
            ms(self.p99),
            ms(self.max),
            self.n
        )
    }
}

/// A time in ms with a sensible number of decimals.
pub fn ms(v: f64) -> String {
    if v < 10.0 {
        format!("{v:.2} ms")
    } else if v < 100.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.0} ms")
    }
}

/// `Stats` or a dash.
pub fn show(s: Option<Stats>) -> String {
    s.map_or_else(|| "-".to_string(), |s| s.to_string())
}
