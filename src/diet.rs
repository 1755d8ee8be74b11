//! The vocabulary of diet facts: trigger classes, gut attributes and food categories.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The lowercase word used in data files, the CLI and JSON.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let w = s.trim().to_lowercase().replace(['-', ' '], "_");
                $name::ALL
                    .iter()
                    .find(|v| v.as_str() == w)
                    .copied()
                    .ok_or_else(|| format!(
                        "unknown {} {s:?} (expected one of: {})",
                        stringify!($name).to_lowercase(),
                        $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
                    ))
            }
        }
    };
}

word_enum!(
    /// Foods people exclude: the four gut triggers first, then common allergens.
    Trigger {
        Dairy = "dairy",
        Gluten = "gluten",
        Sugar = "sugar",
        Alcohol = "alcohol",
        Eggs = "eggs",
        Nuts = "nuts",
        Peanuts = "peanuts",
        Soy = "soy",
        Fish = "fish",
        Shellfish = "shellfish",
        Sesame = "sesame",
    }
);

word_enum!(
    /// Gut-friendly attributes. Foods carry the first four; `high_fiber` is derived per recipe.
    Attribute {
        Fermented = "fermented",
        Prebiotic = "prebiotic",
        LeafyGreen = "leafy_green",
        Cruciferous = "cruciferous",
        HighFiber = "high_fiber",
    }
);

word_enum!(
    /// What kind of food a catalog entry is (used by plan rules such as "≥ 1 fish a week").
    Category {
        Vegetable = "vegetable",
        Fruit = "fruit",
        Legume = "legume",
        Grain = "grain",
        NutSeed = "nut_seed",
        HerbSpice = "herb_spice",
        Dairy = "dairy",
        Egg = "egg",
        Meat = "meat",
        Fish = "fish",
        Seafood = "seafood",
        OilFat = "oil_fat",
        Sweetener = "sweetener",
        Condiment = "condiment",
        Beverage = "beverage",
        Baking = "baking",
        Culture = "culture",
        Other = "other",
    }
);

/// A small set of triggers (a bit set: one line's triggers are merged millions of times a second).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TriggerSet(u16);

impl TriggerSet {
    pub fn insert(&mut self, t: Trigger) {
        self.0 |= 1 << t as u16;
    }
    pub fn remove(&mut self, t: Trigger) {
        self.0 &= !(1 << t as u16);
    }
    pub fn contains(&self, t: Trigger) -> bool {
        self.0 & (1 << t as u16) != 0
    }
    pub fn union(&self, other: TriggerSet) -> TriggerSet {
        TriggerSet(self.0 | other.0)
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    pub fn iter(&self) -> impl Iterator<Item = Trigger> + '_ {
        Trigger::ALL.iter().copied().filter(|t| self.contains(*t))
    }
    pub fn to_vec(&self) -> Vec<Trigger> {
        self.iter().collect()
    }
}

impl FromIterator<Trigger> for TriggerSet {
    fn from_iter<I: IntoIterator<Item = Trigger>>(iter: I) -> Self {
        let mut s = TriggerSet::default();
        for t in iter {
            s.insert(t);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for t in Trigger::ALL {
            assert_eq!(t.as_str().parse::<Trigger>().unwrap(), *t);
        }
        assert_eq!("Leafy-Green".parse::<Attribute>().unwrap(), Attribute::LeafyGreen);
        assert!("milk".parse::<Trigger>().unwrap_err().contains("expected one of"));
    }

    #[test]
    fn trigger_set_behaves_like_a_set() {
        let mut s: TriggerSet = [Trigger::Dairy, Trigger::Sugar].into_iter().collect();
        assert!(s.contains(Trigger::Dairy) && !s.contains(Trigger::Gluten));
        s.remove(Trigger::Dairy);
        assert_eq!(s.to_vec(), vec![Trigger::Sugar]);
        assert_eq!(s.union([Trigger::Alcohol].into_iter().collect()).to_vec().len(), 2);
    }
}
