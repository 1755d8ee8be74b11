//! The pantry: staples the cook has, from Cooklang's `pantry.conf` — TOML sections of
//! `name = "1%kg"` or `name = { quantity = "1%kg", expire = "…" }` (or just `name = ""`).
//! Read with the `toml` crate: the cooklang crate's own pantry parser needs a `toml_edit` that
//! conflicts with the version the app's dependencies lock, and the format is this one table.
//! Subtracted from the list across units (1 kg of flour covers 2 cups).

use super::merge::{dim_of_pub, Dim, Item, Quantity};
use super::need::Need;
use crate::catalog::Catalog;
use crate::ingredients::parse_line;
use crate::quantity::{Amount, Number};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One staple.
#[derive(Debug, Clone, PartialEq)]
pub struct Stock {
    pub name: String,
    /// Where it is kept (the file's section: "fridge", "pantry").
    pub section: String,
    /// The catalog food id, or the name in lower case.
    pub key: String,
    /// How much there is; `None`: enough for any recipe.
    pub quantity: Option<Quantity>,
}

/// A pantry file that cannot be read, with the line at fault.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{file}:{line}: {message}")]
pub struct PantryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Entry {
    Quantity(String),
    Detailed { quantity: Option<String> },
}

/// Reads `pantry.conf` text (`file` names it in errors).
pub fn parse_pantry(catalog: &Catalog, text: &str, file: &str) -> Result<Vec<Stock>, PantryError> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let table: BTreeMap<String, BTreeMap<String, Entry>> = toml::from_str(text).map_err(|e| PantryError {
        file: file.to_string(),
        line: e.span().map_or(1, |s| line_of(s.start)),
        message: e.message().to_string(),
    })?;
    let mut out = Vec::new();
    for (section, items) in table {
        for (name, entry) in items {
            let raw = match entry {
                Entry::Quantity(q) => Some(q),
                Entry::Detailed { quantity } => quantity,
            }
            .filter(|q| !q.trim().is_empty());
            let line = parse_line(&format!("{} {name}", raw.as_deref().unwrap_or("").replace('%', " ")));
            let found = catalog.find_food(&name).map(|i| catalog.food(i));
            let quantity = match (&raw, line.quantity) {
                (None, _) => None,
                (Some(q), None) => {
                    let at = text.find(q.as_str()).map_or(1, line_of);
                    return Err(PantryError {
                        file: file.to_string(),
                        line: at,
                        message: format!("{name}: {q:?} is not an amount (write it like \"500%g\")"),
                    });
                }
                (Some(_), Some(amount)) => {
                    let need = Need {
                        key: String::new(),
                        name: name.clone(),
                        aisle: None,
                        amount: Some(amount),
                        unit: line.unit.clone(),
                        pack: None,
                        recipe: String::new(),
                        date: None,
                        optional: false,
                        instead_of: None,
                    };
                    dim_of_pub(&need, &amount).map(|(dim, amount)| Quantity { dim, amount })
                }
            };
            out.push(Stock {
                key: found.map_or_else(|| name.trim().to_lowercase(), |f| f.id.clone()),
                name,
                section: section.clone(),
                quantity,
            });
        }
    }
    Ok(out)
}

/// `a - b` floored at zero (range ends each); `None` on overflow.
fn sub(a: &Amount, b: &Amount) -> Option<Amount> {
    let ends = |x: &Amount| match x {
        Amount::Exact { value } => (*value, *value),
        Amount::Range { min, max } => (*min, *max),
    };
    let ((a0, a1), (b0, b1)) = (ends(a), ends(b));
    // What is certainly left: the low need less the high stock; at most: high less low.
    Some(Amount::between(a0.saturating_sub(&b1)?, a1.saturating_sub(&b0)?))
}

fn is_zero(a: &Amount) -> bool {
    match a {
        Amount::Exact { value } => value.is_zero(),
        Amount::Range { max, .. } => max.is_zero(),
    }
}

/// The stock in the dimension `dim`, through the density between mass and volume.
fn stock_in(catalog: &Catalog, key: &str, stock: &Quantity, dim: &Dim) -> Option<Amount> {
    if stock.dim == *dim {
        return Some(stock.amount);
    }
    let d = catalog.by_id(key).and_then(|i| catalog.food(i).density)?;
    let d = Number::new((d * 10_000.0).round() as i64, 10_000)?;
    match (&stock.dim, dim) {
        (Dim::Volume, Dim::Mass) => stock.amount.scaled(&d),
        (Dim::Mass, Dim::Volume) => stock.amount.scaled(&Number::integer(1)?.checked_div(&d)?),
        _ => None,
    }
}

/// Takes what the pantry holds off the items. Returns the items fully covered (removed from
/// `items`): a staple without an amount covers any need; one with an amount covers what it
/// can in any unit it converts to, and what is left stays on the list.
pub fn subtract(catalog: &Catalog, items: &mut Vec<Item>, pantry: &[Stock]) -> Vec<Item> {
    let mut covered = Vec::new();
    let mut kept = Vec::new();
    for mut item in items.drain(..) {
        let Some(stock) = pantry.iter().find(|s| s.key == item.key) else {
            kept.push(item);
            continue;
        };
        let Some(have) = &stock.quantity else {
            covered.push(item);
            continue;
        };
        // What is left of the stock, in its own dimension.
        let mut left = Some(have.amount);
        for q in &mut item.quantities {
            let Some(l) = left else { break };
            let Some(avail) = stock_in(catalog, &item.key, &Quantity { dim: have.dim.clone(), amount: l }, &q.dim) else { continue };
            let (Some(rest), Some(spare)) = (sub(&q.amount, &avail), sub(&avail, &q.amount)) else { continue };
            q.amount = rest;
            left = stock_in(catalog, &item.key, &Quantity { dim: q.dim.clone(), amount: spare }, &have.dim);
        }
        item.quantities.retain(|q| !is_zero(&q.amount));
        if item.quantities.is_empty() {
            covered.push(item);
        } else {
            kept.push(item);
        }
    }
    *items = kept;
    covered
}
