//! Table test for the parser's richer forms: number words, dual units, ranges with units, sums,
//! multipliers, pack sizes, decimal commas, approximations, sizes and the newer count units
//! (tests/data/parser_lines.toml, written by hand from lines as cooks write them).

use gutsy::catalog::Catalog;
use gutsy::ingredients::{parse_line, Measure};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    /// Display form of the amount ("1 1/2", "2-3"); absent when the line has none.
    quantity: Option<String>,
    unit: Option<String>,
    name: String,
    /// Checked only when present.
    note: Option<String>,
    /// `alt` and `pack` as "amount unit" ("240 g"); absent means none.
    alt: Option<String>,
    pack: Option<String>,
    /// Catalog id, checked only when present.
    food: Option<String>,
}

#[derive(serde::Deserialize)]
struct Table {
    line: Vec<Case>,
}

fn measure(m: &Option<Measure>) -> Option<String> {
    m.as_ref().map(|m| format!("{} {}", m.quantity, m.unit.as_deref().unwrap_or("")).trim().to_string())
}

#[test]
fn richer_lines_parse_as_a_cook_expects() {
    let table: Table = toml::from_str(include_str!("data/parser_lines.toml")).unwrap();
    assert!(table.line.len() >= 80, "the table has only {} lines", table.line.len());
    let catalog = Catalog::bundled();
    let mut failures = Vec::new();
    for c in &table.line {
        let line = parse_line(&c.input);
        let got = (line.quantity.map(|q| q.to_string()), line.unit.clone(), line.name.clone(), measure(&line.alt), measure(&line.pack));
        let want = (c.quantity.clone(), c.unit.clone(), c.name.clone(), c.alt.clone(), c.pack.clone());
        let food_ok = c.food.as_ref().is_none_or(|f| catalog.match_line(&line).food.map(|i| &catalog.food(i).id) == Some(f));
        if got != want || (c.note.is_some() && c.note != line.note) || !food_ok {
            failures.push(format!("{:?}\n   got  {:?} note {:?}\n   want {:?} note {:?}", c.input, got, line.note, want, c.note));
        }
    }
    assert!(failures.is_empty(), "{} of {} lines differ:\n{}", failures.len(), table.line.len(), failures.join("\n"));
}
