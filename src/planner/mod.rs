//! The weekly planner: fills days × meals from candidate recipes (exclusions already applied)
//! against the gut goals, keeping the cook's fixed slots. Plain functions over plain data:
//! `model.rs` (the data), `score.rs` (the objective and metrics), `search.rs` (greedy + local
//! search), `prep.rs` (when to start each ferment), `view.rs` (the plan in dates and words).

mod fast;
mod leftovers;
mod model;
mod prep;
mod rules;
mod score;
mod search;
mod swap;
mod synthetic;
mod view;

pub use fast::Scorer;
pub use leftovers::{leftover_source, put as put_with_leftovers, sources as leftover_sources};
pub use model::{week_start_after, Candidate, Fixed, FoodId, PlanSettings, Request, SavedPlan, SavedSlot, Slot, Weights};
pub use prep::{prep_tasks, PrepTask};
pub use rules::{Bound, PlanRule, RuleSpec};
pub use score::{evaluate, start_by, Evaluation};
pub use search::{fits, repeat_ok, SplitMix};
pub use swap::{alternatives, Alternative};
pub use synthetic::synthetic;
pub use view::{
    day_label, default_plan_name, plan_view, DayMetrics, DayView, MealView, PlanView, PrepView, RecipeRef, SlotRef, WeekMetrics,
};

use crate::model::MealType;

/// Something the cook should know about a generated plan, in words from [`Warning::text`].
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// No candidate fits this meal at all (exclusions, meal type, time limit).
    NoRecipeFor { meal: MealType },
    /// A fixed slot's recipe is gone from the library.
    FixedGone { day: u32, meal: MealType },
    /// Fewer fermented days than the plan has, and why.
    FewFermentedDays { days: u32, of: u32, fermented_recipes: usize },
    /// Fewer distinct plants than the target.
    FewPlants { plants: usize, target: usize },
    /// A cook's rule the plan could not keep; `available` recipes count toward it at all.
    RuleUnmet { rule: String, value: u32, available: usize },
}

impl Warning {
    pub fn text(&self) -> String {
        match self {
            Warning::NoRecipeFor { meal } => format!("No {} recipe passes your filters, so those slots are empty.", meal.as_str()),
            Warning::FixedGone { day, meal } => format!("The recipe fixed for day {} {} was deleted.", day + 1, meal.as_str()),
            Warning::FewFermentedDays { days, of, fermented_recipes: 0 } => {
                format!("No fermented recipe passes your filters, so {days} of {of} days have no ferment.")
            }
            Warning::FewFermentedDays { days, of, fermented_recipes } => format!(
                "Only {fermented_recipes} fermented recipe{} pass{} your filters: {days} of {of} days have a ferment.",
                if *fermented_recipes == 1 { "" } else { "s" },
                if *fermented_recipes == 1 { "es" } else { "" }
            ),
            Warning::RuleUnmet { rule, value, available } => format!(
                "Your rule “{rule}” is not met: the plan has {value}, and {available} recipe{} passing your filters count{} toward it.",
                if *available == 1 { "" } else { "s" },
                if *available == 1 { "s" } else { "" }
            ),
            Warning::FewPlants { plants, target } => {
                format!("The plan has {plants} distinct plants, short of the {target} a week to aim for.")
            }
        }
    }
}

/// A filled plan: its slots (day-major, in the request's meal order), metrics, prep and warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub slots: Vec<Slot>,
    pub evaluation: Evaluation,
    pub prep: Vec<PrepTask>,
    pub warnings: Vec<Warning>,
}

/// Plans `req` from `cands`. Deterministic: the same inputs and seed give the same plan.
pub fn generate(cands: &[Candidate], req: &Request) -> Outcome {
    let mut warnings = Vec::new();
    let mut slots: Vec<Slot> = req.slots().map(|(day, meal)| Slot { day, meal, recipe: None, fixed: false }).collect();
    // A leftover slot follows its dinner, so fixing it alone means nothing.
    for f in req.fixed.iter().filter(|f| req.leftover_source(f.day, f.meal).is_none()) {
        if let Some(s) = slots.iter_mut().find(|s| s.day == f.day && s.meal == f.meal) {
            s.fixed = true;
            s.recipe = cands.iter().position(|c| c.id == f.recipe);
            if s.recipe.is_none() {
                warnings.push(Warning::FixedGone { day: f.day, meal: f.meal });
            }
        }
    }
    search::fill(cands, req, &mut slots);
    let mut out = outcome(cands, req, slots);
    warnings.append(&mut out.warnings);
    out.warnings = warnings;
    out
}

/// A plan's metrics, prep and warnings, for slots as they are (a saved plan, after a swap).
pub fn outcome(cands: &[Candidate], req: &Request, slots: Vec<Slot>) -> Outcome {
    let mut warnings = Vec::new();
    for &meal in &req.meals {
        let probe = Slot { day: 0, meal, recipe: None, fixed: false };
        if !cands.iter().any(|c| fits(c, req, &probe)) {
            warnings.push(Warning::NoRecipeFor { meal });
        }
    }
    let evaluation = evaluate(cands, req, &slots);
    let fermented_days = evaluation.fermented.iter().filter(|&&f| f).count() as u32;
    if fermented_days < req.days {
        let fermented_recipes = cands.iter().filter(|c| c.fermented).count();
        warnings.push(Warning::FewFermentedDays { days: fermented_days, of: req.days, fermented_recipes });
    }
    if evaluation.plants.len() < req.weights.plants_target {
        warnings.push(Warning::FewPlants { plants: evaluation.plants.len(), target: req.weights.plants_target });
    }
    for (rule, &value) in req.rules.iter().zip(&evaluation.rules) {
        if rule.violation(value) > 0 {
            let available = rule.hits.iter().filter(|&&h| h).count();
            warnings.push(Warning::RuleUnmet { rule: rule.spec.to_string(), value, available });
        }
    }
    let prep = prep_tasks(cands, req, &slots);
    Outcome { slots, evaluation, prep, warnings }
}

#[cfg(test)]
mod tests;
