//! The list as the CLI prints it and the app shows it (sections by aisle, each item with its
//! quantities in buyable units, its recipes and its check mark), and as a printable layout.

use super::aisles::{place, Aisles};
use super::display::{buyable, plural_name, quantity_text};
use super::merge::{Dim, Item};
use crate::catalog::Catalog;
use crate::export::{ListDoc, ListLine, ListSection};
use crate::units::UnitSystem;
use serde::Serialize;
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct QuantityView {
    /// The amount to buy (a range's top), as a number.
    pub value: f64,
    pub unit: String,
    /// "1½ tbsp", "200–300 g", "2 cans (14 oz)".
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ShoppingItem {
    /// Stable within a list: the catalog food id (or the name), `extra:N` for an added item.
    pub key: String,
    pub name: String,
    pub quantities: Vec<QuantityView>,
    /// All quantities in words, "" when no recipe gives an amount.
    pub quantity_text: String,
    pub recipes: Vec<String>,
    /// The days of the plan that need it ("Mon 30 Nov"), in order; empty for recipes chosen by hand.
    pub days: Vec<String>,
    pub checked: bool,
    /// "optional", "to taste", "you have some": what the cook should know.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ShoppingSection {
    pub aisle: String,
    pub items: Vec<ShoppingItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ShoppingList {
    /// "Shopping list — Week of Mon 30 Nov".
    pub title: String,
    /// "Mon 30 Nov – Sun 6 Dec · 19 meals cooked".
    pub subtitle: Option<String>,
    pub sections: Vec<ShoppingSection>,
    /// What the pantry covers, not to buy.
    pub pantry: Vec<ShoppingItem>,
}

/// An item the cook added by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Extra {
    pub key: String,
    pub text: String,
}

fn view(item: &Item, system: UnitSystem, checked: &HashSet<String>, note: Option<String>) -> ShoppingItem {
    let quantities: Vec<QuantityView> = item
        .quantities
        .iter()
        .map(|q| {
            let (a, unit) = buyable(q, system);
            let value = match a {
                crate::quantity::Amount::Exact { value } => value.to_f64(),
                crate::quantity::Amount::Range { max, .. } => max.to_f64(),
            };
            QuantityView { value, unit, text: quantity_text(q, system) }
        })
        .collect();
    let note = note.or_else(|| {
        if !item.instead_of.is_empty() {
            Some(format!("instead of {}", item.instead_of.join(", ")))
        } else if item.optional {
            Some("optional".to_string())
        } else if item.quantities.is_empty() && item.unmeasured {
            Some("to taste".to_string())
        } else {
            None
        }
    });
    // "3 onions": a food counted without a unit reads in the plural.
    let counted_many =
        matches!(item.quantities.as_slice(), [q] if q.dim == Dim::Count { unit: String::new() } && quantities[0].value > 1.0);
    ShoppingItem {
        key: item.key.clone(),
        name: if counted_many { plural_name(&item.name) } else { item.name.clone() },
        quantity_text: quantities.iter().map(|q| q.text.as_str()).collect::<Vec<_>>().join(" + "),
        quantities,
        recipes: item.recipes.clone(),
        days: {
            let mut d = item.dates.clone();
            d.sort();
            d.into_iter().map(crate::planner::day_label).collect()
        },
        checked: checked.contains(&item.key),
        note,
    }
}

/// The list: items by aisle (the cook's order, then the catalog's), names A–Z within an aisle,
/// added items last under "Also", and what the pantry covers apart.
#[allow(clippy::too_many_arguments)]
pub fn build(
    catalog: &Catalog,
    title: String,
    subtitle: Option<String>,
    items: &[Item],
    covered: &[Item],
    aisles: &Aisles,
    system: UnitSystem,
    checked: &HashSet<String>,
    extras: &[Extra],
) -> ShoppingList {
    let mut placed: Vec<((usize, String), &Item)> = items.iter().map(|i| (place(catalog, aisles, i), i)).collect();
    placed.sort_by(|(a, x), (b, y)| a.0.cmp(&b.0).then_with(|| x.name.to_lowercase().cmp(&y.name.to_lowercase())));
    let mut sections: Vec<ShoppingSection> = Vec::new();
    for ((_, aisle), item) in placed {
        let v = view(item, system, checked, None);
        match sections.last_mut() {
            Some(s) if s.aisle == aisle => s.items.push(v),
            _ => sections.push(ShoppingSection { aisle, items: vec![v] }),
        }
    }
    if !extras.is_empty() {
        sections.push(ShoppingSection {
            aisle: "Also".to_string(),
            items: extras
                .iter()
                .map(|e| ShoppingItem {
                    key: e.key.clone(),
                    name: e.text.clone(),
                    quantities: Vec::new(),
                    quantity_text: String::new(),
                    recipes: Vec::new(),
                    days: Vec::new(),
                    checked: checked.contains(&e.key),
                    note: None,
                })
                .collect(),
        });
    }
    let mut pantry: Vec<ShoppingItem> = covered.iter().map(|i| view(i, system, checked, Some("in your pantry".to_string()))).collect();
    pantry.sort_by_key(|i| i.name.to_lowercase());
    ShoppingList { title, subtitle, sections, pantry }
}

/// The printable layout of a list: aisles as headings, "for: …" in small print, the pantry as
/// a closing line.
pub fn list_doc(list: &ShoppingList) -> ListDoc {
    ListDoc {
        title: list.title.clone(),
        subtitle: list.subtitle.clone(),
        sections: list
            .sections
            .iter()
            .map(|s| ListSection {
                heading: s.aisle.clone(),
                lines: s
                    .items
                    .iter()
                    .map(|i| {
                        let mut detail: Vec<String> = Vec::new();
                        if let Some(n) = &i.note {
                            detail.push(n.clone());
                        }
                        if !i.recipes.is_empty() {
                            detail.push(format!("for: {}", i.recipes.join(", ")));
                        }
                        ListLine {
                            checked: i.checked,
                            quantity: i.quantity_text.clone(),
                            name: i.name.clone(),
                            detail: (!detail.is_empty()).then(|| detail.join(" · ")),
                        }
                    })
                    .collect(),
            })
            .collect(),
        footer: (!list.pantry.is_empty())
            .then(|| format!("In your pantry: {}.", list.pantry.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(", "))),
    }
}
