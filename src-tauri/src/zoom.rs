//! Page zoom: the steps a cook moves through with Ctrl+= / Ctrl+- / Ctrl+0 (or the View menu).
//! The level lives in the shell, not the page, so the menu and the keys share one value.

use serde::Deserialize;
use std::sync::Mutex;

/// The levels browsers offer, so a step feels the same as in any other app.
const LEVELS: [f64; 11] = [0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5];

/// What the cook asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ZoomStep {
    In,
    Out,
    Reset,
}

/// The level after `step` from `current`; stays put at either end.
pub fn next_level(current: f64, step: ZoomStep) -> f64 {
    match step {
        ZoomStep::Reset => 1.0,
        ZoomStep::In => LEVELS.iter().copied().find(|l| *l > current + 1e-6).unwrap_or(LEVELS[LEVELS.len() - 1]),
        ZoomStep::Out => LEVELS.iter().rev().copied().find(|l| *l < current - 1e-6).unwrap_or(LEVELS[0]),
    }
}

/// The window's current zoom level.
pub struct Zoom(Mutex<f64>);

impl Default for Zoom {
    fn default() -> Self {
        Zoom(Mutex::new(1.0))
    }
}

impl Zoom {
    /// Moves one step and returns the new level to apply to the webview.
    pub fn step(&self, step: ZoomStep) -> f64 {
        let mut level = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *level = next_level(*level, step);
        *level
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_walk_the_levels_and_stop_at_the_ends() {
        assert_eq!(next_level(1.0, ZoomStep::In), 1.1);
        assert_eq!(next_level(1.0, ZoomStep::Out), 0.9);
        assert_eq!(next_level(2.5, ZoomStep::In), 2.5);
        assert_eq!(next_level(0.5, ZoomStep::Out), 0.5);
        assert_eq!(next_level(1.75, ZoomStep::Reset), 1.0);
        // A level between steps (none today, but a restored one could be) goes to the neighbour.
        assert_eq!(next_level(1.2, ZoomStep::In), 1.25);
        assert_eq!(next_level(1.2, ZoomStep::Out), 1.1);
    }

    #[test]
    fn in_then_out_comes_back() {
        let zoom = Zoom::default();
        let up = zoom.step(ZoomStep::In);
        assert!(up > 1.0);
        assert_eq!(zoom.step(ZoomStep::Out), 1.0);
        zoom.step(ZoomStep::In);
        zoom.step(ZoomStep::In);
        assert_eq!(zoom.step(ZoomStep::Reset), 1.0);
    }
}
