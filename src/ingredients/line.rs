use crate::quantity::Amount;
use crate::units::{UnitKind, Units};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount with its unit: the second measure of `2 cups/240 g`, the size of `1 (14 oz) can`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Measure {
    pub quantity: Amount,
    /// Canonical unit symbol when known, else the word as written.
    pub unit: Option<String>,
}

/// One ingredient as the recipe states it: `1 1/2 cup oats (rolled)`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
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
    /// The same amount in a second unit, as the recipe also gives it: `240 g` of
    /// "2 cups/240 g flour" or "1 cup (240 ml) milk". Also kept in the note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<Measure>,
    /// The size of one pack or piece: `14 oz` of "1 (14 oz) can", `400 g` of "2 x 400g tins".
    /// Also kept in the note. See [`IngredientLine::pack_total`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<Measure>,
}

impl IngredientLine {
    /// The whole amount in the pack's unit, for a shopping list: 2 cans of 400 g → 800 g.
    /// `None` without a pack size, a quantity, or on overflow.
    pub fn pack_total(&self) -> Option<Measure> {
        let pack = self.pack.as_ref()?;
        let quantity = self.quantity?;
        if self.unit == pack.unit {
            // "2 x 200 g tomatoes": the quantity is already the product.
            return Some(Measure { quantity, unit: self.unit.clone() });
        }
        let counted = match self.unit.as_deref() {
            None => true,
            Some(u) => Units::get().by_symbol(u).is_some_and(|u| u.kind == UnitKind::Count),
        };
        if !counted {
            return None;
        }
        let size = match pack.quantity {
            Amount::Exact { value } => value,
            Amount::Range { .. } => return None,
        };
        Some(Measure { quantity: quantity.scaled(&size)?, unit: pack.unit.clone() })
    }
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
