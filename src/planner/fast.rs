//! The objective of `score.rs`, computed fast for the search: plants and foods interned to
//! small integers, seen-sets as generation-stamped arrays, no allocation per call. A test
//! checks it agrees with [`super::evaluate`] on random plans.

use super::model::{Candidate, Request, Slot};
use rustc_hash::FxHashMap as HashMap;

pub struct Scorer<'a> {
    req: &'a Request,
    fermented: Vec<bool>,
    fiber: Vec<f64>,
    plants: Vec<Vec<u32>>,
    foods: Vec<Vec<u32>>,
    main: Vec<Option<u32>>,
    /// Whole days before eating a ferment must start, per candidate.
    lead_days: Vec<Option<i64>>,
    /// Days from the plan's start to today (lead times count from today).
    today_offset: Option<i64>,
    /// How many plans it has scored: the search's work budget is counted in these, not in
    /// time, so a seed gives the same plan on every machine.
    pub evaluations: u64,
    // Scratch, reused across calls.
    stamp: u32,
    plant_seen: Vec<u32>,
    food_seen: Vec<u32>,
    recipe_seen: Vec<u32>,
    day_fermented: Vec<bool>,
    day_fiber: Vec<f64>,
    day_mains: Vec<Vec<u32>>,
}

fn intern<'s>(ids: &mut HashMap<&'s str, u32>, s: &'s str) -> u32 {
    let n = ids.len() as u32;
    *ids.entry(s).or_insert(n)
}

impl<'a> Scorer<'a> {
    pub fn new(cands: &'a [Candidate], req: &'a Request) -> Scorer<'a> {
        let mut plant_ids = HashMap::default();
        let mut food_ids = HashMap::default();
        let plants: Vec<Vec<u32>> = cands.iter().map(|c| c.plants.iter().map(|p| intern(&mut plant_ids, p)).collect()).collect();
        let foods: Vec<Vec<u32>> = cands.iter().map(|c| c.foods.iter().map(|f| intern(&mut food_ids, f)).collect()).collect();
        let main = cands.iter().map(|c| c.main_food.as_deref().map(|m| intern(&mut food_ids, m))).collect();
        let days = req.days as usize;
        Scorer {
            req,
            fermented: cands.iter().map(|c| c.fermented).collect(),
            fiber: cands.iter().map(|c| c.fiber_per_serving.unwrap_or(0.0)).collect(),
            lead_days: cands.iter().map(|c| c.lead_minutes.map(|m| i64::from(m.div_ceil(24 * 60)))).collect(),
            today_offset: req.today.map(|t| (t - req.start).num_days()),
            evaluations: 0,
            stamp: 0,
            plant_seen: vec![0; plant_ids.len()],
            food_seen: vec![0; food_ids.len()],
            recipe_seen: vec![0; cands.len()],
            day_fermented: vec![false; days],
            day_fiber: vec![0.0; days],
            day_mains: vec![Vec::new(); days],
            plants,
            foods,
            main,
        }
    }

    /// The objective's total for `slots` (see `score.rs` for the terms).
    pub fn total(&mut self, slots: &[Slot]) -> f64 {
        let w = &self.req.weights;
        self.evaluations += 1;
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // After 4 billion calls the stamps wrap: start the arrays afresh.
            self.plant_seen.fill(0);
            self.food_seen.fill(0);
            self.recipe_seen.fill(0);
            self.stamp = 1;
        }
        let g = self.stamp;
        self.day_fermented.fill(false);
        self.day_fiber.fill(0.0);
        self.day_mains.iter_mut().for_each(Vec::clear);
        let (mut plants, mut shared, mut missed) = (0usize, 0u32, 0u32);
        for s in slots {
            let (Some(r), d) = (s.recipe, s.day as usize) else { continue };
            if d >= self.day_fermented.len() {
                continue;
            }
            self.day_fermented[d] |= self.fermented[r];
            self.day_fiber[d] += self.fiber[r];
            for &p in &self.plants[r] {
                if self.plant_seen[p as usize] != g {
                    self.plant_seen[p as usize] = g;
                    plants += 1;
                }
            }
            if self.recipe_seen[r] != g {
                self.recipe_seen[r] = g;
                for &f in &self.foods[r] {
                    if self.food_seen[f as usize] == g {
                        shared += 1;
                    } else {
                        self.food_seen[f as usize] = g;
                    }
                }
            }
            if self.req.is_leftover(s) {
                continue;
            }
            if let Some(m) = self.main[r] {
                if !self.day_mains[d].contains(&m) {
                    self.day_mains[d].push(m);
                }
            }
            if let (Some(today), Some(lead)) = (self.today_offset, self.lead_days[r]) {
                if i64::from(s.day) - lead < today {
                    missed += 1;
                }
            }
        }
        let mut missed_rules = 0;
        for rule in &self.req.rules {
            missed_rules += rule.violation(rule.value(slots, self.req.days));
        }
        let running: usize = self.day_mains.windows(2).map(|p| p[0].iter().filter(|m| p[1].contains(m)).count()).sum();
        w.fermented_day * self.day_fermented.iter().filter(|&&f| f).count() as f64
            + w.plant * plants.min(w.plants_target) as f64
            + w.plant * 0.2 * plants.saturating_sub(w.plants_target) as f64
            + w.fiber_gram * self.day_fiber.iter().map(|g| g.min(w.fiber_target_g)).sum::<f64>()
            - w.same_main_running * running as f64
            + w.shared_food * f64::from(shared)
            - w.lead_time_missed * f64::from(missed)
            - w.rule * f64::from(missed_rules)
    }
}
