//! What each planned recipe asks the shop for: its lines scaled exactly to the servings cooked,
//! each named by its catalog food (so spellings merge), with the optional lines the plan's
//! exclusions drop left out.

use crate::catalog::{Catalog, FoodIdx};
use crate::facts::recipe_facts;
use crate::filter::Filter;
use crate::ingredients::Measure;
use crate::model::Recipe;
use crate::quantity::{Amount, Number};
use chrono::NaiveDate;

/// One line of one recipe, scaled.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    /// What merges: the catalog food id, or the line's name (lower case) when it is unknown.
    pub key: String,
    /// The name shown: the catalog food's, else the line's.
    pub name: String,
    /// Catalog aisle id; `None` for an unknown food.
    pub aisle: Option<String>,
    pub amount: Option<Amount>,
    /// Canonical unit symbol, or the word as written.
    pub unit: Option<String>,
    /// The size of one pack ("1 (14 oz) can"), unscaled.
    pub pack: Option<Measure>,
    pub recipe: String,
    pub date: Option<NaiveDate>,
    pub optional: bool,
    /// The food the recipe names first, when the plan's exclusions rule it out and this need
    /// is the line's alternative ("coconut oil" of "butter or coconut oil", dairy excluded).
    pub instead_of: Option<String>,
}

/// A recipe cooked for `servings` on `date` (a plan slot, or a recipe chosen by hand).
#[derive(Debug, Clone)]
pub struct Cooking<'a> {
    pub recipe: &'a Recipe,
    pub servings: u32,
    pub date: Option<NaiveDate>,
}

/// The needs of one cooking. A quantity that would overflow when scaled is kept unscaled.
pub fn needs(catalog: &Catalog, cooking: &Cooking, filter: &Filter) -> Vec<Need> {
    let recipe = cooking.recipe;
    let facts = recipe_facts(catalog, recipe);
    let factor = Number::new(i64::from(cooking.servings), i64::from(recipe.servings.max(1)));
    recipe
        .ingredients
        .iter()
        .zip(&facts.lines)
        .filter(|(_, lf)| !filter.drops_optional(catalog, lf))
        .map(|(line, lf)| {
            let food = lf.food.as_deref().and_then(|id| catalog.by_id(id));
            // "butter or coconut oil" without dairy: the alternative the cook can eat is bought.
            let (food, instead_of) = match food.filter(|&f| excluded(catalog, filter, f)).and_then(|_| alternative(catalog, filter, line)) {
                Some(alt) => (Some(alt), food.map(|f| catalog.food(f).name.clone())),
                None => (food, None),
            };
            let food = food.map(|i| catalog.food(i));
            Need {
                key: food.map_or_else(|| line.name.trim().to_lowercase(), |f| f.id.clone()),
                name: food.map_or_else(|| line.name.trim().to_string(), |f| f.name.clone()),
                instead_of,
                aisle: food.map(|f| f.aisle.clone()),
                amount: line.quantity.map(|q| factor.and_then(|f| q.scaled(&f)).unwrap_or(q)),
                unit: line.unit.clone(),
                pack: line.pack.clone(),
                recipe: recipe.title.clone(),
                date: cooking.date,
                optional: line.optional,
            }
        })
        .collect()
}

/// Whether the filter rules out food `f` (its own triggers or the food itself).
fn excluded(catalog: &Catalog, filter: &Filter, f: FoodIdx) -> bool {
    let triggers = catalog.food_triggers(f);
    filter.exclude_foods.contains(&f) || filter.exclude_triggers.iter().any(|t| triggers.contains(*t))
}

/// The first "or" alternative of a line that the filter allows.
fn alternative(catalog: &Catalog, filter: &Filter, line: &crate::ingredients::IngredientLine) -> Option<FoodIdx> {
    catalog
        .match_line(line)
        .parts
        .into_iter()
        .filter(|p| p.alternative)
        .find_map(|p| p.food.filter(|&f| !excluded(catalog, filter, f) && !filter.exclude_triggers.iter().any(|t| p.triggers.contains(*t))))
}
