//! Quantities in units a cook buys, in the cook's system: 1½ tbsp rather than 22.18 ml, 1 kg
//! rather than 1000 g, 7½ oz rather than 212.6 g. Exact amounts that already read well stay
//! exact; others are rounded *up* to a sensible step (better a little over than short).

use super::merge::{Dim, Quantity};
use crate::quantity::{Amount, Number};
use crate::units::{UnitSystem, Units};

/// `value` rounded up to a multiple of `step`.
fn round_up(value: Number, step: Number) -> Option<Number> {
    let steps = value.checked_div(&step)?;
    let whole = (steps.numer() + steps.denom() - 1).div_euclid(steps.denom());
    Number::integer(whole)?.checked_mul(&step)
}

fn n(numer: i64, denom: i64) -> Option<Number> {
    Number::new(numer, denom)
}

/// A metric number as a cook writes it: "250", "1.25".
fn decimal(v: &Number) -> String {
    if v.denom() == 1 {
        return v.numer().to_string();
    }
    let s = format!("{:.2}", v.to_f64());
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The unit and step to buy `base` (grams or millilitres) in.
fn choose(dim: &Dim, base: &Number, system: UnitSystem) -> Option<(&'static str, Number)> {
    let g = base.to_f64();
    Some(match (dim, system) {
        (Dim::Mass, UnitSystem::Metric) if g < 50.0 => ("g", n(1, 1)?),
        (Dim::Mass, UnitSystem::Metric) if g < 250.0 => ("g", n(5, 1)?),
        (Dim::Mass, UnitSystem::Metric) if g < 1000.0 => ("g", n(10, 1)?),
        (Dim::Mass, UnitSystem::Metric) => ("kg", n(1, 20)?),
        (Dim::Mass, UnitSystem::Us) if g < 453.59 => ("oz", n(1, 4)?),
        (Dim::Mass, UnitSystem::Us) => ("lb", n(1, 4)?),
        // Spoons in both systems for small amounts.
        (Dim::Volume, _) if g < 14.78 => ("tsp", n(1, 4)?),
        (Dim::Volume, _) if g < 118.29 => ("tbsp", n(1, 2)?),
        (Dim::Volume, UnitSystem::Metric) if g < 250.0 => ("ml", n(5, 1)?),
        (Dim::Volume, UnitSystem::Metric) if g < 1000.0 => ("ml", n(10, 1)?),
        (Dim::Volume, UnitSystem::Metric) => ("l", n(1, 20)?),
        (Dim::Volume, UnitSystem::Us) if g < 946.35 => ("cup", n(1, 4)?),
        (Dim::Volume, UnitSystem::Us) => ("qt", n(1, 4)?),
        _ => return None,
    })
}

/// The amount in `unit`, rounded up to `step` (both ends of a range).
fn in_unit(amount: &Amount, base_unit: &str, unit: &str, step: Number) -> Option<Amount> {
    let units = Units::get();
    let conv = |v: &Number| units.convert(*v, base_unit, unit).and_then(|x| round_up(x, step));
    Some(match amount {
        Amount::Exact { value } => Amount::exact(conv(value)?),
        Amount::Range { min, max } => Amount::between(conv(min)?, conv(max)?),
    })
}

/// A count unit's plural, from the unit table's spellings ("clove" → "cloves").
fn plural(symbol: &str) -> String {
    let spellings = Units::get().spellings(symbol);
    let ves = symbol.strip_suffix('f').map(|stem| format!("{stem}ves"));
    [Some(format!("{symbol}s")), Some(format!("{symbol}es")), ves]
        .into_iter()
        .flatten()
        .find(|p| spellings.contains(p))
        .unwrap_or_else(|| symbol.to_string())
}

/// An English plural for a food counted without a unit ("3 onions", "2 tomatoes", "4
/// cherries"); names of several words change their last word. Small and rule-based, as the
/// catalog names are singular nouns.
pub fn plural_name(name: &str) -> String {
    let (head, last) = match name.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), name),
    };
    let lower = last.to_lowercase();
    let es = ["tomato", "potato", "mango"];
    let plural = if lower.ends_with('s') || lower.ends_with("sh") || lower.ends_with("ch") || lower.ends_with('x') {
        if lower.ends_with('s') && !lower.ends_with("ss") {
            last.to_string()
        } else {
            format!("{last}es")
        }
    } else if lower.ends_with('y') && !lower.ends_with("ay") && !lower.ends_with("ey") && !lower.ends_with("oy") {
        format!("{}ies", &last[..last.len() - 1])
    } else if es.contains(&lower.as_str()) {
        format!("{last}es")
    } else if lower.ends_with("leaf") {
        format!("{}ves", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    format!("{head}{plural}")
}

/// Metric units read in decimals ("1.25 kg"), spoons, cups and ounces in fractions ("1½ tbsp").
fn amount_text(a: &Amount, unit: &str) -> String {
    let metric = matches!(unit, "g" | "kg" | "ml" | "l");
    match a {
        Amount::Exact { value } if metric && 100 % value.denom() == 0 => decimal(value),
        Amount::Range { min, max } if metric && 100 % min.denom() == 0 && 100 % max.denom() == 0 => {
            format!("{}–{}", decimal(min), decimal(max))
        }
        _ => a.pretty(),
    }
}

fn more_than_one(a: &Amount) -> bool {
    let top = match a {
        Amount::Exact { value } => *value,
        Amount::Range { max, .. } => *max,
    };
    top.numer() > top.denom()
}

/// Whole things are bought whole: ½ onion and ⅓ onion make 1 onion to buy.
fn whole(a: &Amount) -> Amount {
    let up = |v: &Number| Number::integer((v.numer() + v.denom() - 1).div_euclid(v.denom())).unwrap_or(*v);
    match a {
        Amount::Exact { value } => Amount::exact(up(value)),
        Amount::Range { min, max } => Amount::between(up(min), up(max)),
    }
}

/// A quantity to buy, as the amount and unit shown: (`"1½"`, `"tbsp"`), (`"3"`, `"cloves"`),
/// (`"2"`, `"cans (14 oz)"`), (`"2"`, `""`).
pub fn buyable(q: &Quantity, system: UnitSystem) -> (Amount, String) {
    match &q.dim {
        Dim::Mass | Dim::Volume => {
            let base = if q.dim == Dim::Mass { "g" } else { "ml" };
            let top = match q.amount {
                Amount::Exact { value } => value,
                Amount::Range { max, .. } => max,
            };
            let (a, unit) = choose(&q.dim, &top, system)
                .and_then(|(unit, step)| in_unit(&q.amount, base, unit, step).map(|a| (a, unit.to_string())))
                .unwrap_or((q.amount, base.to_string()));
            // Symbols stay as they are ("2 tbsp", "3 oz"); only cups are written out.
            let unit = if unit == "cup" && more_than_one(&a) { plural(&unit) } else { unit };
            (a, unit)
        }
        Dim::Count { unit } => {
            let a = whole(&q.amount);
            let unit = if unit.is_empty() || !more_than_one(&a) { unit.clone() } else { plural(unit) };
            (a, unit)
        }
        Dim::Pack { unit, size, size_unit } => {
            let a = whole(&q.amount);
            let word = if more_than_one(&a) { plural(unit) } else { unit.clone() };
            let size = match size_unit {
                Some(u) => format!("{} {u}", size.pretty()),
                None => size.pretty(),
            };
            (a, format!("{word} ({size})"))
        }
        Dim::Word { unit } => (q.amount, unit.clone()),
    }
}

/// "1½ tbsp", "3 cloves", "2", "1.25 kg".
pub fn quantity_text(q: &Quantity, system: UnitSystem) -> String {
    let (a, unit) = buyable(q, system);
    let amount = amount_text(&a, &unit);
    if unit.is_empty() {
        amount
    } else {
        format!("{amount} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(dim: Dim, numer: i64, denom: i64) -> Quantity {
        Quantity { dim, amount: Amount::exact(Number::new(numer, denom).unwrap()) }
    }
    fn ml_of(unit: &str, numer: i64, denom: i64) -> Quantity {
        let v = Units::get().convert(Number::new(numer, denom).unwrap(), unit, "ml").unwrap();
        Quantity { dim: Dim::Volume, amount: Amount::exact(v) }
    }

    #[test]
    fn amounts_read_as_a_cook_buys_them() {
        use UnitSystem::{Metric, Us};
        // Spoons stay spoons, exactly, in either system.
        assert_eq!(quantity_text(&ml_of("tbsp", 3, 2), Metric), "1½ tbsp");
        assert_eq!(quantity_text(&ml_of("tsp", 3, 1), Us), "1 tbsp");
        assert_eq!(quantity_text(&ml_of("tsp", 1, 2), Metric), "½ tsp");
        // Metric mass: grams, kilograms from 1000 g, decimals not fractions.
        assert_eq!(quantity_text(&q(Dim::Mass, 1000, 1), Metric), "1 kg");
        assert_eq!(quantity_text(&q(Dim::Mass, 1250, 1), Metric), "1.25 kg");
        assert_eq!(quantity_text(&q(Dim::Mass, 2126, 10), Metric), "215 g", "rounded up to 5 g");
        assert_eq!(quantity_text(&q(Dim::Mass, 37, 2), Metric), "19 g");
        // US mass: ounces to a quarter, pounds from 1 lb.
        assert_eq!(quantity_text(&q(Dim::Mass, 200, 1), Us), "7¼ oz");
        assert_eq!(quantity_text(&q(Dim::Mass, 45359237, 100000), Us), "1 lb");
        // Volumes: cups in US, ml or l in metric.
        assert_eq!(quantity_text(&ml_of("cup", 3, 2), Us), "1½ cups");
        assert_eq!(quantity_text(&q(Dim::Volume, 1000, 1), Metric), "1 l");
        assert_eq!(quantity_text(&q(Dim::Volume, 240, 1), Metric), "240 ml");
        // Whole things are bought whole, with their plural.
        assert_eq!(quantity_text(&q(Dim::Count { unit: "clove".into() }, 7, 2), Metric), "4 cloves");
        assert_eq!(quantity_text(&q(Dim::Count { unit: String::new() }, 5, 6), Metric), "1");
        let cans = Dim::Pack { unit: "can".into(), size: Amount::exact(Number::integer(14).unwrap()), size_unit: Some("oz".into()) };
        assert_eq!(quantity_text(&q(cans, 2, 1), Us), "2 cans (14 oz)");
        // Ranges keep both ends.
        let range = Quantity { dim: Dim::Mass, amount: Amount::between(Number::integer(200).unwrap(), Number::integer(300).unwrap()) };
        assert_eq!(quantity_text(&range, Metric), "200–300 g");
    }

    #[test]
    fn counted_foods_read_in_the_plural() {
        for (one, many) in [
            ("onion", "onions"),
            ("tomato", "tomatoes"),
            ("avocado", "avocados"),
            ("cherry", "cherries"),
            ("red bell pepper", "red bell peppers"),
            ("radish", "radishes"),
            ("bay leaf", "bay leaves"),
            ("oats", "oats"),
        ] {
            assert_eq!(plural_name(one), many);
        }
    }
}
