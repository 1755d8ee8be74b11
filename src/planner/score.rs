//! The objective: how good a filled plan is for the gut, and the week's metrics behind it.
//! Each term, with its weight in [`Weights`]:
//! - `fermented_day` per day with at least one fermented serving (goal: every day);
//! - `plant` per distinct plant over the week up to `plants_target` (30), a fifth of it beyond;
//! - `fiber_gram` per gram of fiber a day, up to `fiber_target_g` (30 g), per serving;
//! - minus `same_main_running` each time a main ingredient repeats on the next day (variety);
//! - `shared_food` per extra recipe sharing a food (a shorter shopping list);
//! - minus `lead_time_missed` per ferment that cannot be ready in time;
//! - minus `rule` per meal (or day) a cook's rule is missed by ("fish >= 2" with one fish: 1).
//!
//! Leftover slots (see `leftovers.rs`) count as eaten that day, but not as cooked.

use super::model::{Candidate, Request, Slot};
use chrono::{Days, NaiveDate};
use std::collections::{HashMap, HashSet};

/// A plan's metrics and the objective they give.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub total: f64,
    /// Per day: whether it has a fermented serving, and grams of fiber per person.
    pub fermented: Vec<bool>,
    pub fiber: Vec<f64>,
    /// Distinct plants over the plan, sorted.
    pub plants: Vec<String>,
    pub same_main_running: u32,
    pub shared_foods: u32,
    /// Slots whose ferment cannot be started in time.
    pub lead_missed: Vec<usize>,
    /// Per rule of the request: the meals (or days) that count toward it.
    pub rules: Vec<u32>,
}

/// The day a recipe with `lead_minutes` must be started to be ready on `date` (whole days,
/// rounded up: a 36-hour kefir eaten on Friday starts on Wednesday).
pub fn start_by(date: NaiveDate, lead_minutes: u32) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(lead_minutes.div_ceil(24 * 60))))
}

pub fn evaluate(cands: &[Candidate], req: &Request, slots: &[Slot]) -> Evaluation {
    let w = &req.weights;
    let days = req.days as usize;
    let mut fermented = vec![false; days];
    let mut fiber = vec![0.0; days];
    let mut plants: HashSet<&str> = HashSet::new();
    let mut mains: Vec<HashSet<&str>> = vec![HashSet::new(); days];
    let mut recipes: HashSet<usize> = HashSet::new();
    let mut lead_missed = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        let Some(r) = s.recipe else { continue };
        let c = &cands[r];
        let d = s.day as usize;
        if d >= days {
            continue;
        }
        fermented[d] |= c.fermented;
        fiber[d] += c.fiber_per_serving.unwrap_or(0.0);
        plants.extend(c.plants.iter().map(|p| &**p));
        recipes.insert(r);
        // Leftovers are eaten, not cooked: no main-ingredient repeat, no second ferment start.
        if req.is_leftover(s) {
            continue;
        }
        if let Some(m) = &c.main_food {
            mains[d].insert(m);
        }
        if let (Some(today), Some(lead)) = (req.today, c.lead_minutes) {
            let eaten = req.start.checked_add_days(Days::new(u64::from(s.day)));
            if eaten.and_then(|e| start_by(e, lead)).is_none_or(|start| start < today) {
                lead_missed.push(i);
            }
        }
    }
    let same_main_running = mains.windows(2).map(|p| p[0].intersection(&p[1]).count() as u32).sum();
    let mut uses: HashMap<&str, u32> = HashMap::new();
    for &r in &recipes {
        for f in &cands[r].foods {
            *uses.entry(f).or_default() += 1;
        }
    }
    let shared_foods = uses.values().map(|&n| n.saturating_sub(1)).sum();
    let rules: Vec<u32> = req.rules.iter().map(|r| r.value(slots, req.days)).collect();
    let missed_rules: u32 = req.rules.iter().zip(&rules).map(|(r, &v)| r.violation(v)).sum();
    let n_plants = plants.len();
    let total = w.fermented_day * fermented.iter().filter(|&&f| f).count() as f64
        + w.plant * n_plants.min(w.plants_target) as f64
        + w.plant * 0.2 * n_plants.saturating_sub(w.plants_target) as f64
        + w.fiber_gram * fiber.iter().map(|g| g.min(w.fiber_target_g)).sum::<f64>()
        - w.same_main_running * f64::from(same_main_running)
        + w.shared_food * f64::from(shared_foods)
        - w.lead_time_missed * lead_missed.len() as f64
        - w.rule * f64::from(missed_rules);
    let mut plants: Vec<String> = plants.into_iter().map(str::to_string).collect();
    plants.sort();
    Evaluation { total, fermented, fiber, plants, same_main_running, shared_foods, lead_missed, rules }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MealType;

    fn cand(id: &str, fermented: bool, plants: &[&str], fiber: f64, main: &str) -> Candidate {
        Candidate {
            id: id.into(),
            title: id.into(),
            meals: vec![MealType::Lunch],
            fermented,
            attributes: Vec::new(),
            triggers: Vec::new(),
            plants: plants.iter().map(|&p| p.into()).collect(),
            fiber_per_serving: Some(fiber),
            active_minutes: Some(10),
            lead_minutes: None,
            main_food: Some(main.into()),
            foods: plants.iter().map(|&p| p.into()).collect(),
        }
    }

    fn slots(recipes: &[Option<usize>]) -> Vec<Slot> {
        recipes.iter().enumerate().map(|(d, &recipe)| Slot { day: d as u32, meal: MealType::Lunch, recipe, fixed: false }).collect()
    }

    fn req(days: u32) -> Request {
        let mut r = Request::week(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        r.days = days;
        r.meals = vec![MealType::Lunch];
        r
    }

    #[test]
    fn each_term_moves_the_total_the_documented_way() {
        let cands = vec![
            cand("kraut", true, &["cabbage"], 2.0, "cabbage"),
            cand("salad", false, &["kale", "apple", "walnut"], 6.0, "kale"),
            cand("slaw", false, &["cabbage", "carrot"], 3.0, "cabbage"),
        ];
        let r = req(2);
        let base = evaluate(&cands, &r, &slots(&[Some(1), Some(1)]));
        let with_ferment = evaluate(&cands, &r, &slots(&[Some(1), Some(0)]));
        assert_eq!(with_ferment.fermented, vec![false, true]);
        assert!(with_ferment.total > base.total - 4.0 * 0.3 + 1.0, "a fermented day outweighs some fiber");
        // Same main ingredient on consecutive days costs; the same plants counted once.
        let running = evaluate(&cands, &r, &slots(&[Some(0), Some(2)]));
        assert_eq!(running.same_main_running, 1);
        assert_eq!(running.plants, vec!["cabbage", "carrot"]);
        assert_eq!(running.shared_foods, 1, "cabbage in two recipes");
        // Empty slots count nothing.
        let empty = evaluate(&cands, &r, &slots(&[None, None]));
        assert_eq!((empty.total, empty.plants.len()), (0.0, 0));
    }

    #[test]
    fn fiber_counts_up_to_the_daily_target_only() {
        let cands = vec![cand("bran", false, &[], 50.0, "bran"), cand("oats", false, &[], 20.0, "oats")];
        let r = req(1);
        let big = evaluate(&cands, &r, &slots(&[Some(0)]));
        let enough = evaluate(&cands, &r, &slots(&[Some(1)]));
        assert_eq!(big.fiber, vec![50.0]);
        assert!((big.total - r.weights.fiber_gram * 30.0).abs() < 1e-9);
        assert!((enough.total - r.weights.fiber_gram * 20.0).abs() < 1e-9);
    }

    #[test]
    fn lead_times_count_whole_days_back_across_month_and_year_ends() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(start_by(d(2027, 1, 1), 36 * 60), Some(d(2026, 12, 30)), "36 h → two days before");
        assert_eq!(start_by(d(2026, 3, 1), 24 * 60), Some(d(2026, 2, 28)));
        assert_eq!(start_by(d(2024, 3, 1), 24 * 60), Some(d(2024, 2, 29)), "leap year");
        assert_eq!(start_by(d(2026, 11, 30), 21 * 24 * 60), Some(d(2026, 11, 9)), "three weeks of sauerkraut");
        assert_eq!(start_by(d(2026, 11, 30), 0), Some(d(2026, 11, 30)));
        let mut kraut = cand("kraut", true, &["cabbage"], 2.0, "cabbage");
        kraut.lead_minutes = Some(21 * 24 * 60);
        let mut r = req(1);
        r.today = Some(d(2026, 11, 20));
        let late = evaluate(std::slice::from_ref(&kraut), &r, &slots(&[Some(0)]));
        assert_eq!(late.lead_missed, vec![0]);
        r.today = Some(d(2026, 11, 9));
        assert!(evaluate(&[kraut], &r, &slots(&[Some(0)])).lead_missed.is_empty(), "started on the day it must be");
    }
}
