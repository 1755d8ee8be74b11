//! What a list of recipes may be narrowed by: in words as people and the UI state it
//! ([`FilterSpec`]), and resolved against the catalog ([`Filter`]). Pure; the store runs it as SQL.

use crate::catalog::{Catalog, FoodIdx};
use crate::diet::{Attribute, Trigger};
use crate::model::MealType;
use serde::{Deserialize, Serialize};

/// A filter as people and the UI state it: words instead of catalog indexes.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FilterSpec {
    pub search: Option<String>,
    /// Trigger words (`dairy`, `gluten`, `sugar`, `alcohol`, …) or catalog food names (`tofu`).
    /// A food excludes its whole family: `onion` also excludes red and spring onion.
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    pub meal: Option<MealType>,
    /// Longest hands-on time (prep + cook) in minutes; recipes with no stated time fail it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_minutes: Option<u32>,
}

/// A filter resolved to triggers and catalog foods.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Free text over title, ingredients, steps and tags.
    pub search: Option<String>,
    pub exclude_triggers: Vec<Trigger>,
    /// Foods the cook excludes, with their families already expanded.
    pub exclude_foods: Vec<FoodIdx>,
    /// Every one of these must hold.
    pub attributes: Vec<Attribute>,
    pub meal: Option<MealType>,
    pub max_minutes: Option<u32>,
}

/// A word of a filter that means nothing to Gutsy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot exclude {word:?}: it is neither a trigger ({}) nor a food in the catalog", triggers_list())]
pub struct FilterError {
    pub word: String,
}

fn triggers_list() -> String {
    Trigger::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ")
}

impl Filter {
    /// Resolves words to triggers and catalog foods; an unknown word is an error naming it.
    pub fn from_spec(catalog: &Catalog, spec: &FilterSpec) -> Result<Filter, FilterError> {
        let mut filter = Filter {
            search: spec.search.clone().filter(|s| crate::store::fts_query(s).is_some()),
            attributes: spec.attributes.clone(),
            meal: spec.meal,
            max_minutes: spec.max_minutes,
            ..Filter::default()
        };
        for word in spec.exclude.iter().map(|w| w.trim()).filter(|w| !w.is_empty()) {
            if let Ok(t) = word.parse::<Trigger>() {
                if !filter.exclude_triggers.contains(&t) {
                    filter.exclude_triggers.push(t);
                }
            } else if let Some(f) = catalog.find_food(word) {
                for member in catalog.family(f) {
                    if !filter.exclude_foods.contains(&member) {
                        filter.exclude_foods.push(member);
                    }
                }
            } else {
                return Err(FilterError { word: word.to_string() });
            }
        }
        Ok(filter)
    }

    /// Whether an optional line is left out under this filter: it has an excluded trigger or
    /// food, or it is unknown while triggers are excluded (Gutsy cannot vouch for it). The
    /// recipe screen and the shopping list agree through this one rule.
    pub fn drops_optional(&self, catalog: &Catalog, line: &crate::facts::LineFacts) -> bool {
        let excluded_trigger = line.triggers.iter().any(|t| self.exclude_triggers.contains(t));
        let excluded_food = line.food.as_deref().and_then(|id| catalog.by_id(id)).is_some_and(|f| self.exclude_foods.contains(&f));
        let unknown_and_strict = line.food.is_none() && !self.exclude_triggers.is_empty();
        line.optional && (excluded_trigger || excluded_food || unknown_and_strict)
    }

    /// Whether nothing narrows the list.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_resolve_to_triggers_and_foods() {
        let c = Catalog::bundled();
        let spec = FilterSpec { exclude: vec!["Dairy".into(), " tofu ".into(), "".into()], ..FilterSpec::default() };
        let f = Filter::from_spec(c, &spec).unwrap();
        assert_eq!(f.exclude_triggers, vec![Trigger::Dairy]);
        assert!(f.exclude_foods.contains(&c.find_food("tofu").unwrap()));
        let e = Filter::from_spec(c, &FilterSpec { exclude: vec!["unobtainium".into()], ..FilterSpec::default() }).unwrap_err();
        assert!(e.to_string().contains("\"unobtainium\"") && e.to_string().contains("dairy, gluten"), "{e}");
        let punct = Filter::from_spec(c, &FilterSpec { search: Some(" *** ".into()), ..FilterSpec::default() }).unwrap();
        assert!(punct.is_empty(), "punctuation alone is no search");
    }
}
