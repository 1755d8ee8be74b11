//! [`RecipeCard`]: what a list shows of a recipe, with the words a cook reads already written.
//! Built once per write and stored, so listing never re-derives anything.

use crate::diet::{Attribute, Trigger};
use crate::facts::RecipeFacts;
use crate::model::{format_minutes, MealType, Recipe, Times};
use serde::{Deserialize, Serialize};

/// A recipe with its derived facts, as listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RecipeCard {
    /// The stable id (never changes); `slug` is the readable alias.
    pub id: String,
    #[serde(default)]
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub meals: Vec<MealType>,
    pub servings: u32,
    pub times: Times,
    pub tags: Vec<String>,
    /// Triggers of the ingredients that are not optional.
    pub triggers: Vec<Trigger>,
    pub attributes: Vec<Attribute>,
    /// Grams per serving (0 when unknown: see `fiber_known`).
    pub fiber_per_serving: f64,
    /// Whether any ingredient's fiber could be worked out.
    #[serde(default)]
    pub fiber_known: bool,
    pub plants: usize,
    pub unknown_ingredients: usize,
    /// Words for the card, from the core: "25 min", "ferments 3 weeks", "4.2 g fiber".
    #[serde(default)]
    pub text: CardText,
    /// Whether the recipe has a photo (`Store::photo` gives it). The store sets it; a card
    /// built by [`RecipeCard::new`] says `false`.
    #[serde(default)]
    pub has_photo: bool,
}

/// A card's words, written by the core so the app and CLI say the same thing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct CardText {
    /// Hands-on time ("25 min", "1 h 10 min"), `None` when the recipe states none.
    pub active_time: Option<String>,
    /// "ferments 3 weeks".
    pub ferment_time: Option<String>,
    /// "4.2 g fiber per serving" or "fiber unknown".
    pub fiber: String,
    /// "12 plants".
    pub plants: String,
}

impl RecipeCard {
    pub fn new(recipe: &Recipe, facts: &RecipeFacts) -> RecipeCard {
        let active = recipe.times.active_minutes();
        let has_time = recipe.times.prep_minutes.is_some() || recipe.times.cook_minutes.is_some();
        RecipeCard {
            id: recipe.id.clone(),
            slug: recipe.slug.clone(),
            title: recipe.title.clone(),
            description: recipe.description.clone(),
            meals: recipe.meals.clone(),
            servings: recipe.servings,
            times: recipe.times,
            tags: recipe.tags.clone(),
            triggers: facts.triggers.clone(),
            attributes: facts.attributes.clone(),
            fiber_per_serving: facts.fiber_per_serving,
            fiber_known: facts.fiber_known,
            plants: facts.plants.len(),
            unknown_ingredients: facts.unknown.len(),
            text: CardText {
                active_time: has_time.then(|| format_minutes(active)),
                ferment_time: recipe.times.ferment_minutes.filter(|m| *m > 0).map(|m| format!("ferments {}", format_minutes(m))),
                fiber: fiber_text(facts),
                plants: match facts.plants.len() {
                    1 => "1 plant".to_string(),
                    n => format!("{n} plants"),
                },
            },
            has_photo: false,
        }
    }
}

/// "4.2 g fiber per serving", or "fiber unknown" when no line's fiber could be worked out.
pub fn fiber_text(facts: &RecipeFacts) -> String {
    if !facts.fiber_known {
        return "fiber unknown".to_string();
    }
    let g = facts.fiber_per_serving;
    if g < 0.05 {
        // Known to be none (milk kefir): "0.0 g" reads like a measuring error.
        "no fiber".to_string()
    } else if g >= 10.0 {
        format!("{g:.0} g fiber per serving")
    } else {
        format!("{g:.1} g fiber per serving")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn fiber_of(text: &str) -> String {
        let recipe = crate::import::parse_cook("t.cook", &format!("---\ntitle: T\nservings: 2\n---\n{text}\n")).unwrap();
        fiber_text(&crate::facts::recipe_facts(Catalog::bundled(), &recipe))
    }

    #[test]
    fn fiber_reads_as_a_cook_says_it() {
        assert_eq!(fiber_of("Stir @kefir grains{1%tbsp} into @whole milk{500%ml}."), "no fiber");
        assert_eq!(fiber_of("Stir @zorblax{2%cups} well."), "fiber unknown");
        assert!(fiber_of("Simmer @red lentils{200%g} in @water{1%l}.").ends_with(" g fiber per serving"));
    }
}
