//! A generated plan as the CLI prints it and the app shows it: dates, recipes, metrics and
//! every sentence a cook reads (prep tasks, warnings), written here.

use super::leftovers::sources as leftover_sources;
use super::model::{Candidate, Request};
use super::Outcome;
use crate::model::{format_minutes, MealType};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecipeRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MealView {
    pub meal: MealType,
    /// `None`: nothing fits the slot (or its fixed recipe was deleted).
    pub recipe: Option<RecipeRef>,
    /// Servings eaten in this slot.
    pub servings: u32,
    /// Servings to cook here: this slot's and those of the lunch eating its leftovers; 0 for
    /// a slot of leftovers (cooked the day before). The shopping list counts these.
    pub cook_servings: u32,
    pub locked: bool,
    /// The slot whose cooking this one eats again (cook once, eat twice).
    pub leftover_of: Option<SlotRef>,
    /// About leftovers, in words: "Leftovers of Mon 30 Nov dinner." or "Cook 4 servings: 2 are
    /// lunch on Tue 1 Dec."
    pub note: Option<String>,
    /// The recipe this slot had, since deleted from the library (its title as planned).
    pub deleted: Option<RecipeRef>,
    /// The recipe's triggers and gut attributes, for its badges.
    pub triggers: Vec<crate::diet::Trigger>,
    pub attributes: Vec<crate::diet::Attribute>,
}

/// A slot of the plan by date and meal.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SlotRef {
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub meal: MealType,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DayMetrics {
    pub fermented: bool,
    /// Grams of fiber per person that day (recipes that do not say count nothing).
    pub fiber_g: f64,
    /// Distinct plants eaten that day.
    pub plants: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DayView {
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// "Mon 30 Nov".
    pub label: String,
    pub meals: Vec<MealView>,
    pub metrics: DayMetrics,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct WeekMetrics {
    pub plants: Vec<String>,
    pub fermented_days: u32,
    pub fiber_g_per_day: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PrepView {
    /// The last day to start.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// "Start Simple Sauerkraut by Mon 9 Nov (3 weeks) for Mon 30 Nov."
    pub task: String,
    pub recipe: RecipeRef,
    /// It cannot be ready in time any more.
    pub late: bool,
    /// The slot eating it first.
    pub slot: SlotRef,
    /// When late: a ferment that can be ready for that slot instead (offered as a swap).
    pub instead: Option<RecipeRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PlanView {
    /// Set once the plan is saved.
    pub id: Option<String>,
    pub name: Option<String>,
    #[ts(type = "string")]
    pub start: NaiveDate,
    pub days: Vec<DayView>,
    pub metrics: WeekMetrics,
    pub prep: Vec<PrepView>,
    pub warnings: Vec<String>,
}

/// "Mon 30 Nov".
pub fn day_label(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// A new plan's name until the cook gives one: "Week of Mon 7 Dec".
pub fn default_plan_name(start: NaiveDate) -> String {
    format!("Week of {}", day_label(start))
}

fn recipe_ref(c: &Candidate) -> RecipeRef {
    RecipeRef { id: c.id.clone(), title: c.title.clone() }
}

/// The plan in dates and words; `servings` gives each slot's servings, in `out.slots` order.
pub fn plan_view(cands: &[Candidate], req: &Request, out: &Outcome, servings: &[u32]) -> PlanView {
    let date = |day: u32| req.start.checked_add_days(Days::new(u64::from(day))).unwrap_or(req.start);
    let sources = leftover_sources(req, &out.slots);
    let eaten = |i: usize| servings.get(i).copied().unwrap_or(0);
    let meal_view = |i: usize| {
        let s = &out.slots[i];
        let source = sources[i].map(|j| &out.slots[j]);
        let fed: Vec<usize> = (0..out.slots.len()).filter(|&k| sources[k] == Some(i)).collect();
        let cook_servings = if source.is_some() { 0 } else { eaten(i) + fed.iter().map(|&k| eaten(k)).sum::<u32>() };
        let note = match (source, fed.first()) {
            (Some(src), _) => Some(format!("Leftovers of {} {}.", day_label(date(src.day)), src.meal.as_str())),
            (None, Some(&k)) if s.recipe.is_some() => Some(format!(
                "Cook {cook_servings} servings: {} {} lunch on {}.",
                eaten(k),
                if eaten(k) == 1 { "is" } else { "are" },
                day_label(date(out.slots[k].day))
            )),
            _ => None,
        };
        MealView {
            meal: s.meal,
            recipe: s.recipe.map(|r| recipe_ref(&cands[r])),
            servings: eaten(i),
            cook_servings,
            locked: s.fixed,
            leftover_of: source.map(|src| SlotRef { date: date(src.day), meal: src.meal }),
            note,
            deleted: None,
            triggers: s.recipe.map(|r| cands[r].triggers.clone()).unwrap_or_default(),
            attributes: s.recipe.map(|r| cands[r].attributes.clone()).unwrap_or_default(),
        }
    };
    let days = (0..req.days)
        .map(|d| {
            let here: Vec<usize> = (0..out.slots.len()).filter(|&i| out.slots[i].day == d).collect();
            let plants: HashSet<&str> =
                here.iter().filter_map(|&i| out.slots[i].recipe).flat_map(|r| cands[r].plants.iter().map(|p| &**p)).collect();
            DayView {
                date: date(d),
                label: day_label(date(d)),
                meals: here.iter().map(|&i| meal_view(i)).collect(),
                metrics: DayMetrics {
                    fermented: out.evaluation.fermented.get(d as usize).copied().unwrap_or(false),
                    fiber_g: (out.evaluation.fiber.get(d as usize).copied().unwrap_or(0.0) * 10.0).round() / 10.0,
                    plants: plants.len(),
                },
            }
        })
        .collect();
    let prep = out
        .prep
        .iter()
        .map(|t| {
            let c = &cands[t.recipe];
            let lead = c.lead_minutes.map(format_minutes).unwrap_or_default();
            let task = if t.late {
                let instead = match t.instead {
                    Some(k) => format!("buy it ready-made, or have {} instead", cands[k].title),
                    None => "buy it ready-made".to_string(),
                };
                format!("{} takes {lead}: it cannot be ready by {} — {instead}.", c.title, day_label(t.for_date))
            } else {
                format!("Start {} by {} ({lead}) for {}.", c.title, day_label(t.start_by), day_label(t.for_date))
            };
            let at = &out.slots[t.slot];
            PrepView {
                date: t.start_by,
                task,
                recipe: recipe_ref(c),
                late: t.late,
                slot: SlotRef { date: date(at.day), meal: at.meal },
                instead: t.instead.map(|k| recipe_ref(&cands[k])),
            }
        })
        .collect();
    PlanView {
        id: None,
        name: None,
        start: req.start,
        days,
        metrics: WeekMetrics {
            plants: out.evaluation.plants.clone(),
            fermented_days: out.evaluation.fermented.iter().filter(|&&f| f).count() as u32,
            fiber_g_per_day: out.evaluation.fiber.iter().map(|g| (g * 10.0).round() / 10.0).collect(),
        },
        prep,
        warnings: out.warnings.iter().map(|w| w.text()).collect(),
    }
}
