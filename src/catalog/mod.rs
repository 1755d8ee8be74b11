//! The ingredient catalog: foods with their triggers and gut attributes, loaded from reviewed
//! data files (`foods.toml`, `aisles.toml`, `qualifiers.toml`, and `why.toml`: why a food is
//! flagged, in plain words), and matching of names to foods.

mod explain;
mod groups;
mod load;
mod matcher;
pub(crate) mod normalize;
mod why;

pub use explain::{ExplainedPart, Explanation};
pub use load::CatalogError;
pub use matcher::{LineMatch, MatchKind, MatchPart};

use crate::diet::{Attribute, Category, Trigger, TriggerSet};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// One food of the catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Food {
    /// Stable kebab-case identifier.
    pub id: String,
    /// Canonical display name.
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub category: Category,
    pub aisle: String,
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    /// The plant this food counts as toward "30 plants a week"; `None` for non-plants.
    pub plant: Option<String>,
    /// Total dietary fiber, g per 100 g (USDA SR28, see `ndb`).
    pub fiber: Option<f64>,
    /// USDA SR28 NDB number the fiber value came from.
    pub ndb: Option<String>,
    /// g per ml, for converting volumes to weight.
    pub density: Option<f64>,
    /// Grams per counted unit: `each`, `clove`, `head`, `bunch`, `can`, ...
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// The id of the broader food this one is a kind of ("red-onion" → "onion"): excluding a
    /// food excludes its whole family (see [`Catalog::family`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
}

/// A shop aisle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aisle {
    pub id: String,
    pub name: String,
}

/// A phrase that changes a line's triggers ("gluten-free", "sweetened").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    pub phrase: String,
    #[serde(default)]
    pub removes: Vec<Trigger>,
    #[serde(default)]
    pub adds: Vec<Trigger>,
}

/// Index of a food in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FoodIdx(pub u32);

/// The loaded, validated catalog with its lookup index.
#[derive(Debug)]
pub struct Catalog {
    foods: Vec<Food>,
    food_triggers: Vec<TriggerSet>,
    aisles: Vec<Aisle>,
    qualifiers: Vec<(Vec<String>, Qualifier)>,
    /// Every word of every qualifier phrase (a quick test before the phrase scan).
    qualifier_words: FxHashSet<String>,
    by_id: HashMap<String, FoodIdx>,
    /// Normalized phrase → (food, how the phrase names it). Fx hashing: keys are short and
    /// trusted, and this lookup is the hot path of matching.
    phrases: FxHashMap<String, (FoodIdx, MatchKind)>,
    longest_phrase: usize,
    /// Each food's `family` parent, resolved.
    parent: Vec<Option<FoodIdx>>,
    /// The plain words of explanations (`why.toml`).
    why: why::Why,
}

const FOODS_TOML: &str = include_str!("foods.toml");
const AISLES_TOML: &str = include_str!("aisles.toml");
const QUALIFIERS_TOML: &str = include_str!("qualifiers.toml");
const WHY_TOML: &str = include_str!("why.toml");

impl Catalog {
    /// The catalog compiled into the binary. Its data is validated by unit tests.
    pub fn bundled() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::from_toml(FOODS_TOML, AISLES_TOML, QUALIFIERS_TOML, WHY_TOML)
                .unwrap_or_else(|e| panic!("bundled catalog is invalid: {e}"))
        })
    }

    pub fn foods(&self) -> &[Food] {
        &self.foods
    }
    pub fn aisles(&self) -> &[Aisle] {
        &self.aisles
    }
    pub fn food(&self, idx: FoodIdx) -> &Food {
        &self.foods[idx.0 as usize]
    }
    pub fn food_triggers(&self, idx: FoodIdx) -> TriggerSet {
        self.food_triggers[idx.0 as usize]
    }
    pub fn by_id(&self, id: &str) -> Option<FoodIdx> {
        self.by_id.get(id).copied()
    }
    pub fn aisle(&self, id: &str) -> Option<&Aisle> {
        self.aisles.iter().find(|a| a.id == id)
    }
    /// The food and every food whose `family` chain reaches it: excluding "onion" excludes red
    /// onion and spring onion; excluding "cheese" excludes cheddar. Sorted, the food first.
    pub fn family(&self, idx: FoodIdx) -> Vec<FoodIdx> {
        let mut out = vec![idx];
        for (i, _) in self.foods.iter().enumerate() {
            let mut cur = self.parent[i];
            // The loader rejects cycles, so every chain ends; the bound is a second guard.
            let mut steps = 0;
            while let Some(p) = cur.filter(|_| steps <= self.foods.len()) {
                if p == idx {
                    out.push(FoodIdx(i as u32));
                    break;
                }
                cur = self.parent[p.0 as usize];
                steps += 1;
            }
        }
        out
    }

    /// The food a bare name means (`"Greek yogurt"` → yogurt), by the same rules as a line.
    pub fn find_food(&self, name: &str) -> Option<FoodIdx> {
        self.match_text(name, "").food
    }
}

#[cfg(test)]
mod tests;
