//! A recipe scaled and worded for the recipe screen (and `gutsy recipes show`).

use crate::card::fiber_text;
use crate::catalog::Catalog;
use crate::diet::Trigger;
use crate::facts::{recipe_facts, RecipeFacts};
use crate::filter::Filter;
use crate::model::{format_minutes, join_words, Recipe};
use crate::quantity::Number;
use serde::Serialize;

/// One ingredient line ready to show: quantity as text with fraction glyphs (`1½`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct IngredientView {
    /// `1½`, `2–3`, or `None` when the line has no quantity.
    pub amount: Option<String>,
    pub unit: Option<String>,
    /// Amount and unit as one phrase: `1½ tbsp`, `2`, `None` without a quantity.
    pub quantity_text: Option<String>,
    pub name: String,
    pub note: Option<String>,
    pub optional: bool,
    /// Catalog id and name of the matched food; `None` for an unknown food.
    pub food: Option<String>,
    pub food_name: Option<String>,
    pub triggers: Vec<Trigger>,
    /// Left out for this cook: an optional line with something they exclude.
    pub dropped: bool,
    /// The line (or one of its alternatives or items) matches no catalog food: Gutsy can't tell
    /// what it contains ("Not in the catalog").
    pub unknown: bool,
    /// Only part of a product name matched ("onion" of "onion soup mix"): its triggers may be
    /// incomplete ("Partly recognised"). Never set on an unknown line.
    pub partial: bool,
}

/// Times and gut numbers in words.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ViewText {
    pub prep_time: Option<String>,
    pub cook_time: Option<String>,
    pub ferment_time: Option<String>,
    /// "4.2 g fiber per serving" or "fiber unknown".
    pub fiber: String,
    /// "Without the honey (optional; it contains sugar)." when optional lines were dropped.
    pub without: Option<String>,
    /// "8 servings", the amount shown.
    pub servings: String,
    /// "Scaled ×2 from 4 servings." when the servings shown are not the recipe's own.
    pub scaled: Option<String>,
}

/// A recipe scaled to a number of servings, with its facts, for the recipe screen.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecipeView {
    pub recipe: Recipe,
    /// The servings shown (the recipe's own `servings` stays as written).
    pub servings: u32,
    pub ingredients: Vec<IngredientView>,
    pub facts: RecipeFacts,
    pub text: ViewText,
}

/// The recipe scaled exactly to `servings` (1/3 cup × 3 is 1 cup), with optional lines that
/// `filter` excludes dropped. Facts are per serving, so they do not change with scaling. A
/// quantity that would overflow is shown unscaled.
pub fn recipe_view(catalog: &Catalog, recipe: &Recipe, servings: u32, filter: &Filter) -> RecipeView {
    let servings = servings.clamp(1, 1000);
    let facts = recipe_facts(catalog, recipe);
    let factor = Number::new(i64::from(servings), i64::from(recipe.servings.max(1)));
    let mut dropped_names = Vec::new();
    let mut dropped_triggers: Vec<Trigger> = Vec::new();
    let ingredients = recipe
        .ingredients
        .iter()
        .zip(&facts.lines)
        .map(|(line, lf)| {
            let amount = line.quantity.map(|q| factor.and_then(|f| q.scaled(&f)).unwrap_or(q));
            let excluded_triggers: Vec<Trigger> = lf.triggers.iter().copied().filter(|t| filter.exclude_triggers.contains(t)).collect();
            let dropped = filter.drops_optional(catalog, lf);
            if dropped {
                dropped_names.push(line.name.clone());
                for t in excluded_triggers {
                    if !dropped_triggers.contains(&t) {
                        dropped_triggers.push(t);
                    }
                }
            }
            // Shown in the unit a cook would say, within the recipe's own system: 1000 ml → 1 l.
            let (amount, unit) = match (amount, &line.unit) {
                (Some(a), Some(u)) => match crate::units::Units::get().by_symbol(u).and_then(|x| x.system()) {
                    Some(system) => {
                        let (a, u) = crate::units::friendly(&a, u, system);
                        (Some(a), Some(u))
                    }
                    None => (Some(a), Some(u.clone())),
                },
                (a, u) => (a, u.clone()),
            };
            let amount_text = amount.map(|a| a.pretty());
            let quantity_text = match (&amount_text, &unit) {
                (Some(a), Some(u)) => Some(format!("{a} {u}")),
                (Some(a), None) => Some(a.clone()),
                _ => None,
            };
            let unknown = lf.food.is_none();
            let partial = !unknown && catalog.match_line(line).partial;
            IngredientView {
                amount: amount_text,
                unit,
                quantity_text,
                name: line.name.clone(),
                note: line.note.clone(),
                optional: line.optional,
                food: lf.food.clone(),
                food_name: lf.food.as_deref().and_then(|id| catalog.by_id(id)).map(|i| catalog.food(i).name.clone()),
                triggers: lf.triggers.clone(),
                dropped,
                unknown,
                partial,
            }
        })
        .collect();
    let minutes = |m: Option<u32>| m.filter(|m| *m > 0).map(format_minutes);
    let without = (!dropped_names.is_empty()).then(|| {
        let why = if dropped_triggers.is_empty() {
            "you exclude it".to_string()
        } else {
            let t: Vec<&str> = dropped_triggers.iter().map(|t| t.as_str()).collect();
            format!("it contains {}", t.join(" and "))
        };
        format!("Without the {} (optional; {why}).", join_words(&dropped_names))
    });
    let text = ViewText {
        prep_time: minutes(recipe.times.prep_minutes),
        cook_time: minutes(recipe.times.cook_minutes),
        ferment_time: minutes(recipe.times.ferment_minutes),
        fiber: fiber_text(&facts),
        without,
        servings: servings_text(servings),
        scaled: scaled_text(recipe.servings.max(1), servings),
    };
    RecipeView { recipe: recipe.clone(), servings, ingredients, facts, text }
}

/// "1 serving", "4 servings".
pub fn servings_text(n: u32) -> String {
    if n == 1 {
        "1 serving".to_string()
    } else {
        format!("{n} servings")
    }
}

/// "Scaled ×2 from 4 servings." (the factor only when it is a whole number or a plain half),
/// `None` when `shown` is the recipe's own.
fn scaled_text(own: u32, shown: u32) -> Option<String> {
    if own == shown {
        return None;
    }
    let factor = if shown % own == 0 {
        format!(" ×{}", shown / own)
    } else if shown * 2 == own {
        " ×½".to_string()
    } else {
        String::new()
    };
    Some(format!("Scaled{factor} from {}.", servings_text(own)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_quantities_read_in_the_units_a_cook_says_and_excluded_optional_lines_drop() {
        let text = "---\ntitle: T\nservings: 2\n---\nMix @milk{500%ml} with @oats{1/2%cup} and @?honey{1%tsp}.\n";
        let r = crate::import::parse_cook("t.cook", text).unwrap();
        let c = Catalog::bundled();
        let spec = crate::filter::FilterSpec { exclude: vec!["sugar".into()], ..Default::default() };
        let v = recipe_view(c, &r, 4, &Filter::from_spec(c, &spec).unwrap());
        let q: Vec<Option<&str>> = v.ingredients.iter().map(|i| i.quantity_text.as_deref()).collect();
        assert_eq!(q, vec![Some("1 l"), Some("1 cup"), Some("2 tsp")]);
        assert!(v.ingredients[2].dropped && !v.ingredients[0].dropped);
        assert_eq!(v.text.without.as_deref(), Some("Without the honey (optional; it contains sugar)."));
        let plain = recipe_view(c, &r, 2, &Filter::default());
        assert!(plain.text.without.is_none() && !plain.ingredients[2].dropped);
    }

    #[test]
    fn servings_and_scaling_read_as_words() {
        assert_eq!(servings_text(1), "1 serving");
        assert_eq!(servings_text(12), "12 servings");
        assert_eq!(scaled_text(4, 4), None);
        assert_eq!(scaled_text(4, 8).as_deref(), Some("Scaled ×2 from 4 servings."));
        assert_eq!(scaled_text(2, 6).as_deref(), Some("Scaled ×3 from 2 servings."));
        assert_eq!(scaled_text(4, 2).as_deref(), Some("Scaled ×½ from 4 servings."));
        assert_eq!(scaled_text(4, 6).as_deref(), Some("Scaled from 4 servings."));
        assert_eq!(scaled_text(1, 3).as_deref(), Some("Scaled ×3 from 1 serving."));
    }

    #[test]
    fn lines_say_when_the_catalog_does_not_know_them_or_only_partly() {
        let text = "---\ntitle: T\nservings: 2\n---\nStir @zorblax{2%cups} into @onion soup mix{1%packet} with @milk{1%cup}.\n";
        let r = crate::import::parse_cook("t.cook", text).unwrap();
        let v = recipe_view(Catalog::bundled(), &r, 2, &Filter::default());
        let marks: Vec<(&str, bool, bool)> = v.ingredients.iter().map(|i| (i.name.as_str(), i.unknown, i.partial)).collect();
        assert_eq!(marks, vec![("zorblax", true, false), ("onion soup mix", false, true), ("milk", false, false)]);
    }
}
