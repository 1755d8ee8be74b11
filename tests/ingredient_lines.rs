//! Table test: realistic ingredient lines with the quantity, unit, name, food and triggers a
//! careful cook would expect (tests/data/ingredient_lines.toml, written by hand).

use gutsy::catalog::Catalog;
use gutsy::ingredients::parse_line;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    input: String,
    /// Display form of the amount ("1 1/2", "2-3"); absent when the line has none.
    quantity: Option<String>,
    unit: Option<String>,
    name: String,
    /// Catalog id; absent when the line names no catalog food.
    food: Option<String>,
    #[serde(default)]
    triggers: Vec<String>,
    note: Option<String>,
    /// Checked only when present: the match used only part of a longer product name.
    partial: Option<bool>,
    /// Checked only when present: catalog ids of every alternative and list item, in order
    /// ("?" for a part that matched nothing).
    parts: Option<Vec<String>>,
}

#[derive(serde::Deserialize)]
struct Table {
    line: Vec<Case>,
}

#[test]
fn realistic_lines_parse_and_match_as_a_cook_expects() {
    let table: Table = toml::from_str(include_str!("data/ingredient_lines.toml")).unwrap();
    assert!(table.line.len() >= 150, "the table has only {} lines", table.line.len());
    let catalog = Catalog::bundled();
    let mut failures = Vec::new();
    for c in &table.line {
        let line = parse_line(&c.input);
        let m = catalog.match_line(&line);
        let got_food = m.food.map(|i| catalog.food(i).id.clone());
        let got_triggers: Vec<String> = m.triggers.iter().map(|t| t.to_string()).collect();
        let mut want_triggers = c.triggers.clone();
        want_triggers.sort_by_key(|t| gutsy::diet::Trigger::ALL.iter().position(|x| x.as_str() == t));
        let got = (line.quantity.map(|q| q.to_string()), line.unit.clone(), line.name.clone(), got_food, got_triggers);
        let want = (c.quantity.clone(), c.unit.clone(), c.name.clone(), c.food.clone(), want_triggers);
        if got != want || (c.note.is_some() && c.note != line.note) {
            failures.push(format!("{:?}\n   got  {:?} note {:?}\n   want {:?} note {:?}", c.input, got, line.note, want, c.note));
        }
        if c.partial.is_some_and(|p| p != m.partial) {
            failures.push(format!("{:?}\n   partial is {}", c.input, m.partial));
        }
        let got_parts: Vec<String> = m.parts.iter().map(|p| p.food.map_or("?".to_string(), |i| catalog.food(i).id.clone())).collect();
        if c.parts.as_ref().is_some_and(|p| *p != got_parts) {
            failures.push(format!("{:?}\n   parts {:?}, want {:?}", c.input, got_parts, c.parts));
        }
    }
    assert!(failures.is_empty(), "{} of {} lines differ:\n{}", failures.len(), table.line.len(), failures.join("\n"));
}

#[test]
fn list_items_count_for_plants_and_alternatives_only_for_triggers() {
    let text = "---\ntitle: Lists\nservings: 1\n---\nFry @onion and garlic{2} in @oil and butter{2%tbsp}. \
                Add @spinach or kale{100%g} and @honey/maple syrup{1%tbsp}.\n";
    let recipe = gutsy::import::parse_cook("lists.cook", text).unwrap();
    let facts = gutsy::facts::recipe_facts(Catalog::bundled(), &recipe);
    assert!(facts.unknown.is_empty(), "{:?}", facts.unknown);
    for p in ["onion", "garlic", "spinach"] {
        assert!(facts.plants.contains(&p.to_string()), "{p} missing from {:?}", facts.plants);
    }
    assert!(!facts.plants.contains(&"kale".to_string()), "an alternative is not eaten for sure: {:?}", facts.plants);
    for t in [gutsy::diet::Trigger::Dairy, gutsy::diet::Trigger::Sugar] {
        assert!(facts.triggers.contains(&t), "{t:?} missing from {:?}", facts.triggers);
    }
    assert_eq!(facts.lines[0].food.as_deref(), Some("onion"), "the line's food is its primary food");
}
