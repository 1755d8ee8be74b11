//! Swapping one slot: the next-best recipes for it, ranked by what they do to the whole plan,
//! each with its reasons in words.

use super::fast::Scorer;
use super::leftovers::{put, sources as leftover_sources};
use super::model::{Candidate, Request, Slot};
use super::score::{evaluate, Evaluation};
use super::search::{fits, repeat_ok};
use super::view::day_label;
use chrono::Days;

/// A recipe that could take a slot instead, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    /// Candidate index.
    pub recipe: usize,
    /// Change of the plan's objective if it took the slot (positive: better).
    pub delta: f64,
    pub reasons: Vec<String>,
}

/// Up to `k` recipes that could replace slot `at`, best first (the current one left out); none
/// for a slot of leftovers.
pub fn alternatives(cands: &[Candidate], req: &Request, slots: &[Slot], at: usize, k: usize) -> Vec<Alternative> {
    let Some(slot) = slots.get(at) else { return Vec::new() };
    if req.is_leftover(slot) {
        // It eats the dinner before: swapping that dinner swaps it.
        return Vec::new();
    }
    let sources = leftover_sources(req, slots);
    // Rank every recipe with the fast scorer; words only for the `k` shown.
    let mut scorer = Scorer::new(cands, req);
    let base = scorer.total(slots);
    let mut trial = slots.to_vec();
    let mut ranked: Vec<(usize, f64)> = (0..cands.len())
        .filter(|&r| Some(r) != slot.recipe && fits(&cands[r], req, slot) && repeat_ok(slots, req, at, r))
        .map(|r| {
            put(&mut trial, &sources, at, Some(r));
            (r, scorer.total(&trial) - base)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(k);
    let before = evaluate(cands, req, slots);
    ranked
        .into_iter()
        .map(|(r, delta)| {
            put(&mut trial, &sources, at, Some(r));
            Alternative { recipe: r, delta, reasons: reasons(req, slot.day, &before, &evaluate(cands, req, &trial)) }
        })
        .collect()
}

/// What changes, in words: ferments, plants, fiber, variety, lead times.
fn reasons(req: &Request, day: u32, before: &Evaluation, after: &Evaluation) -> Vec<String> {
    let d = day as usize;
    let label = req.start.checked_add_days(Days::new(u64::from(day))).map(day_label).unwrap_or_default();
    let mut out = Vec::new();
    match (before.fermented.get(d), after.fermented.get(d)) {
        (Some(false), Some(true)) => out.push(format!("gives {label} its ferment")),
        (Some(true), Some(false)) => out.push(format!("leaves {label} without a ferment")),
        _ => {}
    }
    let plants = after.plants.len() as i64 - before.plants.len() as i64;
    if plants != 0 {
        let n = plants.abs();
        out.push(format!("{} {n} distinct plant{} this week", if plants > 0 { "adds" } else { "loses" }, if n == 1 { "" } else { "s" }));
    }
    let fiber = after.fiber.get(d).copied().unwrap_or(0.0) - before.fiber.get(d).copied().unwrap_or(0.0);
    if fiber.abs() >= 0.5 {
        out.push(format!("{} {:.1} g fiber on {label}", if fiber > 0.0 { "adds" } else { "takes away" }, fiber.abs()));
    }
    if after.same_main_running > before.same_main_running {
        out.push("repeats a main ingredient from the day before or after".to_string());
    } else if after.same_main_running < before.same_main_running {
        out.push("avoids repeating a main ingredient on consecutive days".to_string());
    }
    if after.lead_missed.len() > before.lead_missed.len() {
        out.push("cannot be fermented in time".to_string());
    }
    out
}
