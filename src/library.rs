//! The recipe library as the user sees it: the bundled recipes, and listing with filters.

use crate::catalog::{Catalog, FoodIdx};
use crate::diet::{Attribute, Trigger};
use crate::facts::{recipe_facts, RecipeFacts};
use crate::model::{MealType, Recipe, Times};
use crate::quantity::Number;
use crate::store::{Store, StoreError};
use include_dir::{include_dir, Dir};
use serde::Serialize;

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/recipes");

/// The bundled `.cook` files as (label, text), sorted by name.
pub fn bundled_files() -> Vec<(String, &'static str)> {
    let mut files: Vec<(String, &'static str)> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "cook"))
        .filter_map(|f| Some((format!("recipes/{}", f.path().display()), f.contents_utf8()?)))
        .collect();
    files.sort();
    files
}

/// Bump when the parsed form of a recipe changes, so stored bundled recipes are parsed again.
const MODEL_VERSION: &str = "2";

/// Changes whenever any bundled file or the model changes, so a new release refreshes the
/// bundled recipes.
pub fn bundled_fingerprint() -> String {
    // FNV-1a: tiny, stable across Rust versions (unlike DefaultHasher), and no crate needed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let model = [("model".to_string(), MODEL_VERSION)];
    for (label, text) in bundled_files().into_iter().chain(model) {
        for b in label.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// What a list of recipes may be narrowed by.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Free text over title, ingredients, steps and tags.
    pub search: Option<String>,
    pub exclude_triggers: Vec<Trigger>,
    /// Foods the cook excludes (by catalog entry).
    pub exclude_foods: Vec<FoodIdx>,
    /// Every one of these must hold.
    pub attributes: Vec<Attribute>,
    pub meal: Option<MealType>,
}

/// A filter as people and the UI state it: words instead of catalog indexes.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FilterSpec {
    pub search: Option<String>,
    /// Trigger words (`dairy`, `gluten`, `sugar`, `alcohol`, …) or catalog food names (`tofu`).
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    pub meal: Option<MealType>,
}

impl Filter {
    /// Resolves words to triggers and catalog foods; an unknown word is an error naming it.
    pub fn from_spec(catalog: &Catalog, spec: &FilterSpec) -> Result<Filter, String> {
        let mut filter = Filter {
            search: spec.search.clone(),
            attributes: spec.attributes.clone(),
            meal: spec.meal,
            ..Filter::default()
        };
        for word in spec.exclude.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
            if let Ok(t) = word.parse::<Trigger>() {
                filter.exclude_triggers.push(t);
            } else if let Some(f) = catalog.find_food(word) {
                filter.exclude_foods.push(f);
            } else {
                let words: Vec<&str> = Trigger::ALL.iter().map(|t| t.as_str()).collect();
                return Err(format!(
                    "cannot exclude {word:?}: it is neither a trigger ({}) nor a food in the catalog",
                    words.join(", ")
                ));
            }
        }
        Ok(filter)
    }
}

/// A recipe with its derived facts, as listed.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecipeCard {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub meals: Vec<MealType>,
    pub servings: u32,
    pub times: Times,
    pub tags: Vec<String>,
    pub triggers: Vec<Trigger>,
    pub attributes: Vec<Attribute>,
    pub fiber_per_serving: f64,
    pub plants: usize,
    pub unknown_ingredients: usize,
}

impl RecipeCard {
    pub fn new(recipe: &Recipe, facts: &RecipeFacts) -> RecipeCard {
        RecipeCard {
            id: recipe.id.clone(),
            title: recipe.title.clone(),
            description: recipe.description.clone(),
            meals: recipe.meals.clone(),
            servings: recipe.servings,
            times: recipe.times,
            tags: recipe.tags.clone(),
            triggers: facts.triggers.clone(),
            attributes: facts.attributes.clone(),
            fiber_per_serving: facts.fiber_per_serving,
            plants: facts.plants.len(),
            unknown_ingredients: facts.unknown.len(),
        }
    }
}

/// Whether a recipe passes the non-text parts of a filter.
pub fn passes(filter: &Filter, catalog: &Catalog, recipe: &Recipe, facts: &RecipeFacts) -> bool {
    if filter.exclude_triggers.iter().any(|t| facts.triggers.contains(t)) {
        return false;
    }
    // An unknown ingredient cannot be vouched for: it never passes a trigger exclusion.
    if !filter.exclude_triggers.is_empty() && !facts.unknown.is_empty() {
        return false;
    }
    if !filter.attributes.iter().all(|a| facts.attributes.contains(a)) {
        return false;
    }
    if filter.meal.is_some_and(|m| !recipe.meals.contains(&m)) {
        return false;
    }
    if !filter.exclude_foods.is_empty() {
        let excluded = recipe
            .ingredients
            .iter()
            .filter(|l| !l.optional)
            .filter_map(|l| catalog.match_line(l).food)
            .any(|f| filter.exclude_foods.contains(&f));
        if excluded {
            return false;
        }
    }
    true
}

/// Lists the library through a filter: search results best first, otherwise by title.
pub fn list(store: &Store, catalog: &Catalog, filter: &Filter) -> Result<Vec<RecipeCard>, StoreError> {
    let mut recipes = store.recipes()?;
    if let Some(text) = filter.search.as_deref().filter(|t| crate::store::fts_query(t).is_some()) {
        let ranked = store.search(text)?;
        recipes.retain(|r| ranked.contains(&r.id));
        recipes.sort_by_key(|r| ranked.iter().position(|id| *id == r.id));
    }
    Ok(recipes
        .iter()
        .filter_map(|r| {
            let facts = recipe_facts(catalog, r);
            passes(filter, catalog, r, &facts).then(|| RecipeCard::new(r, &facts))
        })
        .collect())
}

/// One ingredient line ready to show: quantity as text with fraction glyphs (`1½`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct IngredientView {
    /// `1½`, `2–3`, or `None` when the line has no quantity.
    pub amount: Option<String>,
    pub unit: Option<String>,
    pub name: String,
    pub note: Option<String>,
    pub optional: bool,
    /// Catalog id and name of the matched food; `None` for an unknown food.
    pub food: Option<String>,
    pub food_name: Option<String>,
    pub triggers: Vec<Trigger>,
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
}

/// The recipe scaled exactly to `servings` (1/3 cup × 3 is 1 cup). Facts are per serving, so
/// they do not change with scaling. A quantity that would overflow is shown unscaled.
pub fn recipe_view(catalog: &Catalog, recipe: &Recipe, servings: u32) -> RecipeView {
    let servings = servings.clamp(1, 1000);
    let facts = recipe_facts(catalog, recipe);
    let factor = Number::new(i64::from(servings), i64::from(recipe.servings.max(1)));
    let ingredients = recipe
        .ingredients
        .iter()
        .zip(&facts.lines)
        .map(|(line, lf)| {
            let amount = line.quantity.map(|q| factor.and_then(|f| q.scaled(&f)).unwrap_or(q));
            IngredientView {
                amount: amount.map(|a| a.pretty()),
                unit: line.unit.clone(),
                name: line.name.clone(),
                note: line.note.clone(),
                optional: line.optional,
                food: lf.food.clone(),
                food_name: lf.food.as_deref().and_then(|id| catalog.by_id(id)).map(|i| catalog.food(i).name.clone()),
                triggers: lf.triggers.clone(),
            }
        })
        .collect();
    RecipeView { recipe: recipe.clone(), servings, ingredients, facts }
}
