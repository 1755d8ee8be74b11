//! The planner's plain data: what it plans from (candidates, a request) and what it returns.

use super::rules::{PlanRule, RuleSpec};
use crate::model::MealType;
use chrono::{Datelike, NaiveDate};

/// A recipe as the planner sees it: facts already derived, exclusions already applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The recipe's stable id.
    pub id: String,
    pub title: String,
    pub meals: Vec<MealType>,
    /// A live ferment eaten as such (the `fermented` attribute).
    pub fermented: bool,
    /// Its gut attributes (for the cook's rules: "cruciferous >= 4 days").
    pub attributes: Vec<crate::diet::Attribute>,
    /// Its triggers (non-optional lines), shown on the plan.
    pub triggers: Vec<crate::diet::Trigger>,
    /// Distinct plants (catalog ids) of its non-optional lines.
    pub plants: Vec<FoodId>,
    pub fiber_per_serving: Option<f64>,
    /// Prep + cook minutes, `None` when the recipe does not say.
    pub active_minutes: Option<u32>,
    /// How long before eating it must be started (its ferment time), if at all.
    pub lead_minutes: Option<u32>,
    /// Its main ingredient (catalog id), for variety: not the same two days running.
    pub main_food: Option<FoodId>,
    /// Non-optional foods (catalog ids), for overlap: shared foods shorten the shopping list.
    pub foods: Vec<FoodId>,
}

/// A catalog food's id, shared: a big library's candidates name the same few hundred foods
/// (one allocation per food, not one per mention).
pub type FoodId = std::sync::Arc<str>;

/// A slot the cook fixed: it is kept as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    /// Day index from the plan's start.
    pub day: u32,
    pub meal: MealType,
    /// Candidate id.
    pub recipe: String,
}

/// Weights of the objective's terms (see `score.rs` for what each rewards).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub fermented_day: f64,
    pub plant: f64,
    pub plants_target: usize,
    pub fiber_gram: f64,
    pub fiber_target_g: f64,
    pub same_main_running: f64,
    pub shared_food: f64,
    pub lead_time_missed: f64,
    /// Per meal (or day) a cook's rule is missed by.
    pub rule: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            fermented_day: 10.0,
            plant: 1.0,
            plants_target: 30,
            fiber_gram: 0.3,
            fiber_target_g: 30.0,
            same_main_running: 3.0,
            shared_food: 0.2,
            lead_time_missed: 25.0,
            rule: 15.0,
        }
    }
}

/// What to plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub start: NaiveDate,
    pub days: u32,
    pub meals: Vec<MealType>,
    /// Longest active time per meal ("weekday dinner ≤ 30").
    pub max_minutes: Vec<(MealType, u32)>,
    pub fixed: Vec<Fixed>,
    /// A recipe never comes back within this many days (1: not twice on one day).
    pub no_repeat_days: u32,
    /// When the cook plans (lead times are counted from here); `None`: no lead-time check.
    pub today: Option<NaiveDate>,
    pub seed: u64,
    pub weights: Weights,
    /// The cook's rules, resolved against the candidates.
    pub rules: Vec<PlanRule>,
    /// Cook once, eat twice: each dinner also feeds the next day's lunch.
    pub leftovers: bool,
}

impl Request {
    /// A week of breakfast, lunch and dinner from `start`, no repeat within 5 days.
    pub fn week(start: NaiveDate) -> Request {
        Request {
            start,
            days: 7,
            meals: vec![MealType::Breakfast, MealType::Lunch, MealType::Dinner],
            max_minutes: Vec::new(),
            fixed: Vec::new(),
            no_repeat_days: 5,
            today: None,
            seed: 0,
            weights: Weights::default(),
            rules: Vec::new(),
            leftovers: false,
        }
    }

    pub fn slots(&self) -> impl Iterator<Item = (u32, MealType)> + '_ {
        (0..self.days).flat_map(move |d| self.meals.iter().map(move |&m| (d, m)))
    }
}

/// The week a planner offers from `today`: today if it is a Monday, else the next Monday.
pub fn week_start_after(today: NaiveDate) -> NaiveDate {
    let ahead = (7 - today.weekday().num_days_from_monday()) % 7;
    today.checked_add_days(chrono::Days::new(u64::from(ahead))).unwrap_or(today)
}

/// One filled (or empty) slot of a plan: `recipe` indexes the candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub day: u32,
    pub meal: MealType,
    pub recipe: Option<usize>,
    pub fixed: bool,
}

/// What a plan was generated with, kept with it so it can be regenerated the same way.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlanSettings {
    /// Trigger words and foods, as the cook gave them.
    pub exclude: Vec<String>,
    pub max_minutes: Vec<(MealType, u32)>,
    pub no_repeat_days: u32,
    pub seed: u64,
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// Each dinner also feeds the next day's lunch.
    #[serde(default)]
    pub leftovers: bool,
}

impl Default for PlanSettings {
    /// No exclusions or rules, and no recipe twice within 5 days.
    fn default() -> Self {
        PlanSettings { exclude: Vec::new(), max_minutes: Vec::new(), no_repeat_days: 5, seed: 0, rules: Vec::new(), leftovers: false }
    }
}

/// One slot of a saved plan: the recipe by its stable id, and its title when planned (shown if
/// the recipe is deleted later).
#[derive(Debug, Clone, PartialEq)]
pub struct SavedSlot {
    pub day: u32,
    pub meal: MealType,
    pub recipe: Option<String>,
    pub title: Option<String>,
    pub servings: u32,
    pub locked: bool,
}

/// A plan as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedPlan {
    pub id: String,
    pub name: String,
    pub start: NaiveDate,
    pub days: u32,
    pub meals: Vec<MealType>,
    pub servings: u32,
    pub settings: PlanSettings,
    pub slots: Vec<SavedSlot>,
}
