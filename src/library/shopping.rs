//! Shopping lists as the cook uses them: from a saved plan (servings as cooked, so leftovers
//! count once) or from chosen recipes, with the plan's exclusions, the cook's pantry and aisles
//! (their files, or the texts kept in the library), in their units, with check marks and added
//! items from the store.

use super::plan::{show_plan, PlanError};
use crate::catalog::Catalog;
use crate::filter::{Filter, FilterSpec};
use crate::planner::day_label;
use crate::shopping::{
    build, merge, needs, parse_aisles, parse_pantry, solids_by_weight, subtract, AisleError, Aisles, Cooking, PantryError, ShoppingList,
    Stock,
};
use crate::store::{Store, StoreError};
use crate::units::UnitSystem;
use chrono::NaiveDate;

/// The pantry offered for editing before the cook has one: the format, by example.
pub const PANTRY_EXAMPLE: &str = "# What you have. Cooklang pantry.conf: [sections], then food = \"amount%unit\"\n# (\"\" for plenty). Names with spaces in quotes.\n[pantry]\nsalt = \"\"\n\"olive oil\" = \"500%ml\"\n";

/// Library keys of the cook's texts.
pub const PANTRY_KEY: &str = "pantry.conf";
pub const AISLES_KEY: &str = "aisle.conf";

/// Why a list could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ShoppingError {
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Pantry(#[from] PantryError),
    #[error(transparent)]
    Aisles(#[from] AisleError),
    #[error("servings must be 1 to 99 in {0:?}")]
    Servings(String),
    #[error("choose a plan or at least one recipe")]
    Nothing,
}

/// What the list is for.
#[derive(Debug, Clone, PartialEq)]
pub enum ListSource {
    /// A saved plan, by id or name.
    Plan(String),
    /// Recipes (id, slug or title) with the servings to cook (`None`: the recipe's own).
    Recipes(Vec<(String, Option<u32>)>),
}

impl ListSource {
    /// Reads `TITLE` or `TITLE*SERVINGS` as the CLI takes it.
    pub fn recipe_arg(text: &str) -> Result<(String, Option<u32>), ShoppingError> {
        match text.rsplit_once('*') {
            Some((title, n)) => {
                let n: u32 =
                    n.trim().parse().ok().filter(|n| (1..=99).contains(n)).ok_or_else(|| ShoppingError::Servings(text.to_string()))?;
                Ok((title.trim().to_string(), Some(n)))
            }
            None => Ok((text.trim().to_string(), None)),
        }
    }
}

/// How to make the list; `None` fields come from the library (settings, saved texts).
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    /// `pantry.conf` text and the name to give it in errors.
    pub pantry: Option<(String, String)>,
    pub aisles: Option<(String, String)>,
    pub units: Option<UnitSystem>,
    /// Leave the pantry out (show everything to buy).
    pub ignore_pantry: bool,
}

/// A made list and the key its check marks and added items are kept under.
#[derive(Debug, Clone, PartialEq)]
pub struct MadeList {
    pub key: String,
    pub list: ShoppingList,
}

/// Reads the cook's pantry (`options`, else the library's text).
pub fn pantry_of(store: &Store, options: &ListOptions) -> Result<Vec<Stock>, ShoppingError> {
    let catalog = Catalog::bundled();
    match &options.pantry {
        Some((text, file)) => Ok(parse_pantry(catalog, text, file)?),
        None => match store.text_setting(PANTRY_KEY)? {
            Some(text) => Ok(parse_pantry(catalog, &text, "your pantry")?),
            None => Ok(Vec::new()),
        },
    }
}

fn aisles_of(store: &Store, options: &ListOptions) -> Result<Aisles, ShoppingError> {
    let catalog = Catalog::bundled();
    match &options.aisles {
        Some((text, file)) => Ok(parse_aisles(catalog, text, file)?),
        None => match store.text_setting(AISLES_KEY)? {
            Some(text) => Ok(parse_aisles(catalog, &text, "your aisles")?),
            None => Ok(Aisles::default()),
        },
    }
}

/// The list for `source`. `today` words the plan's dates.
pub fn shopping_list(store: &Store, source: &ListSource, options: &ListOptions, today: NaiveDate) -> Result<MadeList, ShoppingError> {
    let catalog = Catalog::bundled();
    let system = match options.units {
        Some(u) => u,
        None => store.settings()?.units,
    };
    let (key, title, subtitle, exclude, cooked) = match source {
        ListSource::Plan(plan) => {
            let view = show_plan(store, plan, today)?;
            let saved = store.plan(plan)?.ok_or_else(|| PlanError::NotFound(plan.clone()))?;
            let mut cooked = Vec::new();
            for day in &view.days {
                for m in day.meals.iter().filter(|m| m.cook_servings > 0) {
                    if let Some(r) = &m.recipe {
                        if let Some(recipe) = store.recipe(&r.id)? {
                            cooked.push((recipe, m.cook_servings, Some(day.date)));
                        }
                    }
                }
            }
            let span = match (view.days.first(), view.days.last()) {
                (Some(a), Some(b)) => format!("{} – {}", day_label(a.date), day_label(b.date)),
                _ => String::new(),
            };
            let subtitle = format!("{span} · {} meals to cook", cooked.len());
            (format!("plan:{}", saved.id), format!("Shopping list — {}", saved.name), Some(subtitle), saved.settings.exclude, cooked)
        }
        ListSource::Recipes(wanted) => {
            if wanted.is_empty() {
                return Err(ShoppingError::Nothing);
            }
            let mut cooked = Vec::new();
            for (query, servings) in wanted {
                let recipe = store.find(query)?;
                let n = servings.unwrap_or(recipe.servings.max(1));
                cooked.push((recipe, n, None));
            }
            let mut ids: Vec<String> = cooked.iter().map(|(r, n, _)| format!("{}*{n}", r.id)).collect();
            ids.sort();
            let names: Vec<String> = cooked.iter().map(|(r, n, _)| format!("{} ({n})", r.title)).collect();
            (
                format!("recipes:{}", ids.join(",")),
                "Shopping list".to_string(),
                Some(format!("For {}", names.join(", "))),
                Vec::new(),
                cooked,
            )
        }
    };
    let filter = Filter::from_spec(catalog, &FilterSpec { exclude, ..FilterSpec::default() }).map_err(PlanError::from)?;
    let all: Vec<_> = cooked
        .iter()
        .flat_map(|(recipe, servings, date)| needs(catalog, &Cooking { recipe, servings: *servings, date: *date }, &filter))
        .collect();
    let mut items = merge(catalog, &all);
    if system == UnitSystem::Metric {
        solids_by_weight(catalog, &mut items);
    }
    let pantry = if options.ignore_pantry { Vec::new() } else { pantry_of(store, options)? };
    let covered = subtract(catalog, &mut items, &pantry);
    let aisles = aisles_of(store, options)?;
    let checked = store.checked_items(&key)?;
    let extras = store.extras(&key)?;
    let list = build(catalog, title, subtitle, &items, &covered, &aisles, system, &checked, &extras);
    Ok(MadeList { key, list })
}

/// The pantry text as the cook keeps it, or [`PANTRY_EXAMPLE`].
pub fn pantry_text(store: &Store) -> Result<String, ShoppingError> {
    Ok(store.text_setting(PANTRY_KEY)?.unwrap_or_else(|| PANTRY_EXAMPLE.to_string()))
}

/// Checks the pantry text and keeps it in the library.
pub fn save_pantry(store: &mut Store, text: &str) -> Result<(), ShoppingError> {
    parse_pantry(Catalog::bundled(), text, "your pantry")?;
    Ok(store.save_text_setting(PANTRY_KEY, text)?)
}

/// Checks the aisle text and keeps it in the library.
pub fn save_aisles(store: &mut Store, text: &str) -> Result<(), ShoppingError> {
    parse_aisles(Catalog::bundled(), text, "your aisles")?;
    Ok(store.save_text_setting(AISLES_KEY, text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pantry_example_reads_and_is_what_a_new_library_offers() {
        let (store, _) = crate::library::open_in_memory().unwrap();
        assert_eq!(pantry_text(&store).unwrap(), PANTRY_EXAMPLE);
        let stock = parse_pantry(Catalog::bundled(), PANTRY_EXAMPLE, "example").unwrap();
        assert_eq!(stock.len(), 2);
    }
}
