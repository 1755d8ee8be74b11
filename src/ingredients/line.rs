use crate::quantity::Amount;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One ingredient as the recipe states it: `1 1/2 cup oats (rolled)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct IngredientLine {
    /// The text the line was parsed from (or rebuilt from a Cooklang mention).
    pub input: String,
    pub quantity: Option<Amount>,
    /// Canonical unit symbol (`tbsp`) when the unit is known, else the word as written.
    pub unit: Option<String>,
    /// The food as named, without quantity, unit and preparation words.
    pub name: String,
    /// Preparation and other remarks: `minced`, `for drizzling`, `14 oz`.
    pub note: Option<String>,
    #[serde(default)]
    pub optional: bool,
    /// Preparation words the parser moved from before the name into the note ("crushed" of
    /// "crushed red pepper"). Matching puts them back, as some name another food.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leading_prep: Option<String>,
}

impl fmt::Display for IngredientLine {
    /// Canonical text form: `1 1/2 cup oats, rolled`. Parsing it gives the same quantity and unit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(q) = &self.quantity {
            parts.push(q.to_string());
        }
        if let Some(u) = &self.unit {
            parts.push(u.clone());
        }
        if !self.name.is_empty() {
            parts.push(self.name.clone());
        }
        write!(f, "{}", parts.join(" "))?;
        if let Some(n) = &self.note {
            write!(f, ", {n}")?;
        }
        if self.optional {
            write!(f, " (optional)")?;
        }
        Ok(())
    }
}
