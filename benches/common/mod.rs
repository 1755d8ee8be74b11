//! What every benchmark here shares: timing a closure many times.

use std::time::{Duration, Instant};

/// Runs `f` `runs` times; the median and the 95th percentile of one run.
pub fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    (t[t.len() / 2], t[(t.len() * 95 / 100).min(t.len() - 1)])
}
