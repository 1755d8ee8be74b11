//! Merging needs into items: one item per food, its quantities summed exactly, like with like
//! (mass in grams, volume in millilitres, each count unit and pack size on its own). Mass and
//! volume of one food meet through the catalog's density; anything else stays a separate
//! quantity of the same item, never summed wrongly.

use super::need::Need;
use crate::catalog::Catalog;
use crate::quantity::{Amount, Number};
use crate::units::{UnitKind, Units};
use chrono::NaiveDate;
use serde::Serialize;

/// What a quantity counts, so that only like is added to like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Dim {
    /// Grams.
    Mass,
    /// Millilitres.
    Volume,
    /// A count unit ("clove", "can", "bunch"); "" for a plain number ("2 onions").
    Count { unit: String },
    /// Packs of one size: "2 (14 oz) cans" — `unit` is the pack ("can"), `size` its contents.
    Pack { unit: String, size: Amount, size_unit: Option<String> },
    /// A unit Gutsy does not know, as written ("2 splashes").
    Word { unit: String },
}

/// One summed quantity of an item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub dim: Dim,
    pub amount: Amount,
}

/// One thing to buy.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub key: String,
    pub name: String,
    pub aisle: Option<String>,
    pub quantities: Vec<Quantity>,
    /// Some recipe asks for it without an amount ("salt, to taste").
    pub unmeasured: bool,
    /// Recipe titles, in first-use order, each once.
    pub recipes: Vec<String>,
    pub dates: Vec<NaiveDate>,
    /// Every recipe lists it as optional.
    pub optional: bool,
    /// Foods a recipe named first that the plan's exclusions rule out, this bought instead.
    pub instead_of: Vec<String>,
}

/// `a + b`, ranges adding their ends; `None` on overflow.
pub fn add(a: &Amount, b: &Amount) -> Option<Amount> {
    let ends = |x: &Amount| match x {
        Amount::Exact { value } => (*value, *value),
        Amount::Range { min, max } => (*min, *max),
    };
    let ((a0, a1), (b0, b1)) = (ends(a), ends(b));
    Some(Amount::between(a0.checked_add(&b0)?, a1.checked_add(&b1)?))
}

fn scale(a: &Amount, f: &Number) -> Option<Amount> {
    a.scaled(f)
}

/// The dimension of a need and its amount in that dimension's base (g, ml).
fn dim_of(need: &Need, amount: &Amount) -> Option<(Dim, Amount)> {
    let units = Units::get();
    let unit = need.unit.as_deref().and_then(|u| units.by_symbol(u));
    let counted = need.unit.is_none() || unit.is_some_and(|u| u.kind == UnitKind::Count);
    if let (Some(pack), true) = (&need.pack, counted) {
        let unit = need.unit.clone().unwrap_or_else(|| "pack".to_string());
        return Some((Dim::Pack { unit, size: pack.quantity, size_unit: pack.unit.clone() }, *amount));
    }
    match (need.unit.as_deref(), unit) {
        (None, _) => Some((Dim::Count { unit: String::new() }, *amount)),
        (Some(symbol), Some(u)) => match u.kind {
            UnitKind::Mass => Some((Dim::Mass, scale(amount, &units.convert(Number::integer(1)?, symbol, "g")?)?)),
            UnitKind::Volume => Some((Dim::Volume, scale(amount, &units.convert(Number::integer(1)?, symbol, "ml")?)?)),
            UnitKind::Count => Some((Dim::Count { unit: symbol.to_string() }, *amount)),
            _ => Some((Dim::Word { unit: symbol.to_string() }, *amount)),
        },
        (Some(word), None) => Some((Dim::Word { unit: word.to_string() }, *amount)),
    }
}

/// [`dim_of`] for the pantry, which reads amounts the same way.
pub(super) fn dim_of_pub(need: &Need, amount: &Amount) -> Option<(Dim, Amount)> {
    dim_of(need, amount)
}

/// Adds `q` to the quantities, to the one of the same dimension when there is one.
fn push(quantities: &mut Vec<Quantity>, q: Quantity) {
    if let Some(same) = quantities.iter_mut().find(|x| x.dim == q.dim) {
        if let Some(sum) = add(&same.amount, &q.amount) {
            same.amount = sum;
            return;
        }
    }
    quantities.push(q);
}

/// The catalog's density (g per ml) as an exact number, to four decimals.
fn density(catalog: &Catalog, key: &str) -> Option<Number> {
    let d = catalog.by_id(key).and_then(|i| catalog.food(i).density)?;
    Number::new((d * 10_000.0).round() as i64, 10_000)
}

/// Merges needs into items, in first-use order (the caller sorts by aisle).
pub fn merge(catalog: &Catalog, needs: &[Need]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for need in needs {
        let at = match items.iter().position(|i| i.key == need.key) {
            Some(at) => at,
            None => {
                items.push(Item {
                    key: need.key.clone(),
                    name: need.name.clone(),
                    aisle: need.aisle.clone(),
                    quantities: Vec::new(),
                    unmeasured: false,
                    recipes: Vec::new(),
                    dates: Vec::new(),
                    optional: true,
                    instead_of: Vec::new(),
                });
                items.len() - 1
            }
        };
        let item = &mut items[at];
        item.optional &= need.optional;
        if let Some(first) = need.instead_of.as_ref().filter(|f| !item.instead_of.contains(f)) {
            item.instead_of.push(first.clone());
        }
        if !item.recipes.contains(&need.recipe) {
            item.recipes.push(need.recipe.clone());
        }
        if let Some(d) = need.date.filter(|d| !item.dates.contains(d)) {
            item.dates.push(d);
        }
        match need.amount.as_ref().and_then(|a| dim_of(need, a)) {
            Some((dim, amount)) => push(&mut item.quantities, Quantity { dim, amount }),
            None => item.unmeasured = true,
        }
    }
    for item in &mut items {
        reconcile_mass_and_volume(catalog, item);
    }
    items
}

/// With both a mass and a volume and a known density, the smaller (by weight) joins the larger.
fn reconcile_mass_and_volume(catalog: &Catalog, item: &mut Item) {
    let (Some(m), Some(v)) =
        (item.quantities.iter().position(|q| q.dim == Dim::Mass), item.quantities.iter().position(|q| q.dim == Dim::Volume))
    else {
        return;
    };
    let Some(d) = density(catalog, &item.key) else { return };
    let Some(volume_as_mass) = item.quantities[v].amount.scaled(&d) else { return };
    let into_mass = volume_as_mass.typical() <= item.quantities[m].amount.typical();
    let merged = if into_mass {
        add(&item.quantities[m].amount, &volume_as_mass).map(|a| (m, a))
    } else {
        Number::integer(1)
            .and_then(|one| one.checked_div(&d))
            .and_then(|per_g| item.quantities[m].amount.scaled(&per_g))
            .and_then(|mass_as_volume| add(&item.quantities[v].amount, &mass_as_volume))
            .map(|a| (v, a))
    };
    if let Some((keep, amount)) = merged {
        item.quantities[keep].amount = amount;
        item.quantities.remove(if keep == m { v } else { m });
    }
}

/// For a cook shopping in metric: solids measured by volume (flour, lentils, oats — a quarter
/// cup or more) are bought by weight, through the catalog's density. Liquids, spoonfuls and
/// foods without a density stay as they are.
pub fn solids_by_weight(catalog: &Catalog, items: &mut [Item]) {
    use crate::diet::Category as C;
    let quarter_cup = Number::new(59, 1);
    for item in items.iter_mut() {
        // Liquids weigh about a gram per millilitre (juice 1.03, oil 0.92); measured solids are
        // lighter (oats 0.38, flour 0.53, lentils 0.8), so density tells a juice from its fruit.
        let solid = catalog.by_id(&item.key).is_some_and(|i| {
            let f = catalog.food(i);
            matches!(f.category, C::Grain | C::Baking | C::Legume | C::NutSeed | C::Vegetable | C::Fruit)
                && f.density.is_some_and(|d| d < 0.9)
        });
        let Some(d) = density(catalog, &item.key).filter(|_| solid && !item.quantities.iter().any(|q| q.dim == Dim::Mass)) else {
            continue;
        };
        for q in item.quantities.iter_mut().filter(|q| q.dim == Dim::Volume) {
            let big = quarter_cup.is_some_and(|min| q.amount.typical() >= min.to_f64());
            if let (true, Some(mass)) = (big, q.amount.scaled(&d)) {
                *q = Quantity { dim: Dim::Mass, amount: mass };
            }
        }
    }
}
