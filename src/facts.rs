//! Diet facts derived from a recipe's ingredients through the catalog — never from its tags.
//! Optional lines bring no attribute, plant or fiber (a spoon of optional kimchi does not make a
//! bowl fermented); their triggers are kept apart, so a cook who excludes them drops the line.

pub mod live;

use crate::catalog::{Catalog, Food, FoodIdx};
use crate::diet::{Attribute, Trigger, TriggerSet};
use crate::ingredients::IngredientLine;
use crate::model::Recipe;
use crate::units::{UnitKind, Units};
use serde::Serialize;

/// A serving with at least this much fiber is "high fiber" (20 % of the 28 g daily value).
pub const HIGH_FIBER_GRAMS: f64 = 5.6;

/// What one ingredient line contributes.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct LineFacts {
    /// Catalog id of the matched food; `None` when the line is unknown.
    pub food: Option<String>,
    pub triggers: Vec<Trigger>,
    /// Estimated weight in grams for the whole recipe, if quantity and unit allow it.
    pub grams: Option<f64>,
    pub fiber_grams: Option<f64>,
    /// The recipe says the line is optional.
    #[serde(default)]
    pub optional: bool,
}

/// Everything Gutsy knows about a recipe's effect on the gut.
#[derive(Debug, Clone, Serialize, PartialEq, ts_rs::TS)]
#[ts(export)]
pub struct RecipeFacts {
    /// Triggers of the non-optional ingredients.
    pub triggers: Vec<Trigger>,
    /// Triggers that only optional ingredients bring.
    pub optional_triggers: Vec<Trigger>,
    pub attributes: Vec<Attribute>,
    /// Dietary fiber per serving in grams, from the lines whose weight is known.
    pub fiber_per_serving: f64,
    /// Whether at least one line's fiber could be worked out (else `fiber_per_serving` means
    /// "unknown", not "none").
    pub fiber_known: bool,
    /// Names of lines left out of the fiber sum (no weight or no fiber value known).
    pub fiber_unknown: Vec<String>,
    /// Distinct plants (catalog plant keys), sorted.
    pub plants: Vec<String>,
    /// Names of (non-optional) lines that match no catalog food.
    pub unknown: Vec<String>,
    /// Names of optional lines that match no catalog food.
    pub optional_unknown: Vec<String>,
    /// Why the recipe counts as fermented, if it does.
    pub fermented_because: Option<String>,
    pub lines: Vec<LineFacts>,
}

impl RecipeFacts {
    pub fn has(&self, a: Attribute) -> bool {
        self.attributes.contains(&a)
    }
    pub fn contains_trigger(&self, t: Trigger) -> bool {
        self.triggers.contains(&t)
    }
}

/// Grams of `line`, using the unit table and the food's density and piece weights.
pub fn line_grams(line: &IngredientLine, food: &Food) -> Option<f64> {
    let amount = line.quantity?.typical();
    let weight_of = |key: &str| food.weights.get(key).copied();
    match line.unit.as_deref() {
        None => weight_of("each").or_else(|| weight_of("piece")).map(|g| g * amount),
        Some(symbol) => {
            let unit = Units::get().by_symbol(symbol)?;
            match (unit.kind, unit.base) {
                (UnitKind::Mass, Some(base)) => Some(amount * base),
                (UnitKind::Volume, Some(base)) => food.density.map(|d| amount * base * d),
                _ => weight_of(symbol).or_else(|| (symbol == "piece").then(|| weight_of("each")).flatten()).map(|g| g * amount),
            }
        }
    }
}

/// Derives triggers, attributes, fiber and plants for a recipe.
pub fn recipe_facts(catalog: &Catalog, recipe: &Recipe) -> RecipeFacts {
    let mut triggers = TriggerSet::default();
    let mut optional = TriggerSet::default();
    let mut attributes: Vec<Attribute> = Vec::new();
    let mut plants: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    let mut optional_unknown = Vec::new();
    let mut fiber_unknown = Vec::new();
    let mut fiber_total = 0.0;
    let mut fiber_known = false;
    let steps: Vec<&str> = recipe.steps.iter().map(|s| s.text.as_str()).collect();
    // The recipe's own fermentation counts unless it is cooked afterwards (sourdough bread).
    let mut fermented_because = recipe
        .times
        .ferment_minutes
        .filter(|m| *m > 0 && live::ferment_survives(&steps))
        .map(|m| format!("it ferments for {}", crate::model::format_minutes(m)));
    let mut lines = Vec::with_capacity(recipe.ingredients.len());

    for line in &recipe.ingredients {
        let m = catalog.match_line(line);
        let Some(idx) = m.food else {
            // What did match ("butter" of "butter or frobnitz") still counts.
            if line.optional {
                optional_unknown.push(line.name.clone());
                optional = optional.union(m.triggers);
            } else {
                unknown.push(line.name.clone());
                triggers = triggers.union(m.triggers);
            }
            lines.push(LineFacts { food: None, triggers: m.triggers.to_vec(), grams: None, fiber_grams: None, optional: line.optional });
            continue;
        };
        let food = catalog.food(idx);
        let grams = line_grams(line, food);
        let fiber = match (grams, food.fiber) {
            (Some(g), Some(f)) => Some(g * f / 100.0),
            _ => None,
        };
        lines.push(LineFacts {
            food: Some(food.id.clone()),
            triggers: m.triggers.to_vec(),
            grams,
            fiber_grams: fiber,
            optional: line.optional,
        });
        if line.optional {
            optional = optional.union(m.triggers);
            continue;
        }
        triggers = triggers.union(m.triggers);
        // "oil and butter": every list item counts for attributes and plants; "or" alternatives
        // only for triggers. The primary food gives the line's grams and fiber.
        let items: Vec<_> = m.parts.iter().filter(|p| !p.alternative).filter_map(|p| p.food).filter(|i| *i != idx).collect();
        for item in std::iter::once(idx).chain(items.iter().copied()) {
            let food = catalog.food(item);
            for a in &food.attributes {
                if *a == Attribute::Fermented {
                    // Only a ferment eaten alive is probiotic: not yogurt baked into a cake.
                    let last_word = food.name.rsplit(' ').next().unwrap_or("");
                    if !live::survives_any(&[&line.name, &food.name, last_word], &steps) {
                        continue;
                    }
                    if fermented_because.is_none() {
                        fermented_because = Some(format!("{} is a live-culture food", food.name));
                    }
                }
                if !attributes.contains(a) {
                    attributes.push(*a);
                }
            }
            if let Some(p) = &food.plant {
                if !plants.contains(p) {
                    plants.push(p.clone());
                }
            }
        }
        // Other items have no weight of their own: their fiber is unknown.
        for &item in &items {
            let f = catalog.food(item);
            if f.fiber.is_none_or(|v| v > 0.0) && !is_fiberless(catalog, item) && !fiber_unknown.contains(&f.name) {
                fiber_unknown.push(f.name.clone());
            }
        }
        match fiber {
            Some(f) => {
                fiber_total += f;
                fiber_known = true;
            }
            // Water, salt and the like have no fiber to miss; only report foods that might.
            None if food.fiber.is_none_or(|f| f > 0.0) && !is_fiberless(catalog, idx) => fiber_unknown.push(line.name.clone()),
            None => {}
        }
    }

    if fermented_because.is_some() && !attributes.contains(&Attribute::Fermented) {
        attributes.push(Attribute::Fermented);
    }
    let servings = f64::from(recipe.servings.max(1));
    let fiber_per_serving = (fiber_total / servings * 10.0).round() / 10.0;
    if fiber_per_serving >= HIGH_FIBER_GRAMS {
        attributes.push(Attribute::HighFiber);
    }
    attributes.sort();
    plants.sort();
    let optional_only: TriggerSet = optional.iter().filter(|t| !triggers.contains(*t)).collect();
    RecipeFacts {
        triggers: triggers.to_vec(),
        optional_triggers: optional_only.to_vec(),
        attributes,
        fiber_per_serving,
        fiber_known,
        fiber_unknown,
        plants,
        unknown,
        optional_unknown,
        fermented_because,
        lines,
    }
}

/// Foods that carry no fiber by nature (water, salt, oils, sweeteners, meat, fish, dairy, eggs).
fn is_fiberless(catalog: &Catalog, idx: FoodIdx) -> bool {
    use crate::diet::Category::*;
    let f = catalog.food(idx);
    matches!(f.category, OilFat | Sweetener | Meat | Fish | Seafood | Dairy | Egg | Culture | Beverage) || f.fiber == Some(0.0)
}
