//! The shopping list's tricky cases, each a family: what recipes say, and what a cook must buy.

use super::*;
use crate::catalog::Catalog;
use crate::filter::{Filter, FilterSpec};
use crate::ingredients::parse_line;
use crate::model::{Recipe, Times};
use crate::units::UnitSystem;
use std::collections::HashSet;

fn recipe(title: &str, servings: u32, lines: &[&str]) -> Recipe {
    Recipe {
        id: title.to_lowercase(),
        slug: String::new(),
        title: title.into(),
        description: None,
        servings,
        times: Times::default(),
        meals: Vec::new(),
        ingredients: lines.iter().map(|l| parse_line(l)).collect(),
        steps: Vec::new(),
        notes: Vec::new(),
        source: None,
        tags: Vec::new(),
        metadata: Default::default(),
    }
}

/// The list for these (recipe, servings cooked), with an optional pantry, as "name: quantities".
fn list(cooked: &[(&Recipe, u32)], exclude: &[&str], pantry: &str, system: UnitSystem) -> (Vec<String>, Vec<String>) {
    let catalog = Catalog::bundled();
    let filter =
        Filter::from_spec(catalog, &FilterSpec { exclude: exclude.iter().map(|s| s.to_string()).collect(), ..FilterSpec::default() })
            .unwrap();
    let all: Vec<Need> =
        cooked.iter().flat_map(|(r, s)| needs(catalog, &Cooking { recipe: r, servings: *s, date: None }, &filter)).collect();
    let mut items = merge(catalog, &all);
    if system == UnitSystem::Metric {
        solids_by_weight(catalog, &mut items);
    }
    let stock = parse_pantry(catalog, pantry, "pantry.conf").unwrap();
    let covered = subtract(catalog, &mut items, &stock);
    let l = build(catalog, "t".into(), None, &items, &covered, &Aisles::default(), system, &HashSet::new(), &[]);
    let show = |i: &ShoppingItem| {
        format!("{}: {}", i.name, if i.quantity_text.is_empty() { i.note.clone().unwrap_or_default() } else { i.quantity_text.clone() })
    };
    (l.sections.iter().flat_map(|s| s.items.iter().map(show)).collect(), l.pantry.iter().map(|i| i.name.clone()).collect())
}

fn has(lines: &[String], want: &str) -> bool {
    lines.iter().any(|l| l == want)
}

#[test]
fn the_same_food_merges_across_recipes_spellings_and_units() {
    let a = recipe("Dal", 2, &["3 cloves garlic, minced", "1 tbsp olive oil", "200 g red lentils"]);
    let b = recipe("Soup", 4, &["2 garlic cloves", "2 tsp extra virgin olive oil", "1 cup red lentils"]);
    let (lines, _) = list(&[(&a, 2), (&b, 4)], &[], "", UnitSystem::Metric);
    assert!(has(&lines, "garlic: 5 cloves"), "{lines:?}");
    // 1 tbsp + 2 tsp = 5 tsp = 1⅔ tbsp: in tbsp, rounded up to a half.
    assert!(has(&lines, "olive oil: 2 tbsp"), "{lines:?}");
    // 200 g + a cup of lentils (by the catalog's density): one quantity, in grams.
    let lentils = lines.iter().find(|l| l.starts_with("red lentil")).unwrap();
    assert!(lentils.ends_with(" g") && !lentils.contains('+'), "{lentils}");
}

#[test]
fn quantities_scale_exactly_with_the_servings_cooked() {
    let oats = recipe("Oats", 2, &["1/3 cup rolled oats", "1-2 tbsp maple syrup"]);
    let (lines, _) = list(&[(&oats, 6)], &[], "", UnitSystem::Us);
    assert!(has(&lines, "oats: 1 cup"), "⅓ × 3 is exactly 1: {lines:?}");
    assert!(has(&lines, "maple syrup: 3–6 tbsp"), "a range scales at both ends: {lines:?}");
    let (lines, _) = list(&[(&oats, 1)], &[], "", UnitSystem::Us);
    assert!(has(&lines, "oats: 3 tbsp"), "⅙ cup is 2⅔ tbsp, bought as 3: {lines:?}");
}

#[test]
fn whole_things_are_bought_whole_and_packs_by_the_pack() {
    let a = recipe("Chili", 4, &["1 (14 oz) can black beans", "1/2 onion", "2 x 400g tins chopped tomatoes"]);
    let b = recipe("Tacos", 4, &["1 (14 oz) can black beans, drained", "1/3 onion"]);
    let (lines, _) = list(&[(&a, 4), (&b, 4)], &[], "", UnitSystem::Us);
    assert!(has(&lines, "black bean: 2 cans (14 oz)"), "{lines:?}");
    assert!(has(&lines, "onion: 1"), "½ + ⅓ onion is one onion: {lines:?}");
    assert!(has(&lines, "canned tomato: 2 cans (400 g)"), "{lines:?}");
}

#[test]
fn incompatible_units_stay_apart_and_unmeasured_items_have_no_amount() {
    let a = recipe("Stew", 2, &["2 carrots", "200 g carrots", "2 splashes Worcestershire-free brown sauce", "salt, to taste"]);
    let (lines, _) = list(&[(&a, 2)], &[], "", UnitSystem::Metric);
    let carrot = lines.iter().find(|l| l.starts_with("carrot")).unwrap();
    assert!(carrot.contains("2") && carrot.contains("200 g") && carrot.contains(" + "), "a count and a mass, both kept: {carrot}");
    assert!(has(&lines, "salt: to taste"), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("2 splashes") || l.contains("2 splash")), "{lines:?}");
}

#[test]
fn the_pantry_is_taken_off_across_units() {
    let bread = recipe("Bread", 1, &["2 cups all-purpose flour", "1 tsp salt", "300 ml milk"]);
    let pantry = "[pantry]\nflour = \"1%kg\"\nsalt = \"\"\n[fridge]\nmilk = { quantity = \"100%ml\", expire = \"2026-12-10\" }\n";
    let (lines, covered) = list(&[(&bread, 1)], &[], pantry, UnitSystem::Metric);
    assert!(covered.contains(&"plain flour".to_string()), "1 kg covers 2 cups: {covered:?} {lines:?}");
    assert!(covered.iter().any(|c| c == "salt"), "a staple without an amount covers any need: {covered:?}");
    assert!(has(&lines, "milk: 200 ml"), "300 ml less the 100 ml there: {lines:?}");
}

#[test]
fn an_excluded_optional_line_never_comes_back() {
    let bowl = recipe("Bowl", 2, &["1 cup cooked brown rice", "1 tbsp honey (optional)", "1 tbsp soy sauce (optional)"]);
    let (lines, _) = list(&[(&bowl, 2)], &["sugar", "gluten"], "", UnitSystem::Metric);
    assert!(!lines.iter().any(|l| l.starts_with("honey") || l.starts_with("soy sauce")), "{lines:?}");
    let (lines, _) = list(&[(&bowl, 2)], &[], "", UnitSystem::Metric);
    assert!(lines.iter().any(|l| l.starts_with("honey")), "kept when nothing excludes it: {lines:?}");
}

#[test]
fn bad_pantry_and_aisle_files_name_the_line() {
    let catalog = Catalog::bundled();
    let e = parse_pantry(catalog, "[pantry]\nflour = \"1%kg\"\nrice = \"lots\"\n", "my/pantry.conf").unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("my/pantry.conf", 3), "{e}");
    let e = parse_pantry(catalog, "[pantry]\nflour = = 2\n", "p.conf").unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    let e = parse_aisles(catalog, "[produce]\napple\n[produce]\npear\n", "aisle.conf").unwrap_err();
    assert_eq!(e.line, 3, "{e}");
    let aisles = parse_aisles(catalog, "[Baking]\nall-purpose flour|plain flour\n[Veg]\ncarrot\n", "aisle.conf").unwrap();
    assert_eq!(aisles.aisles.len(), 2);
}

#[test]
fn aisles_follow_the_cooks_file_then_the_catalog() {
    let catalog = Catalog::bundled();
    let r = recipe("Mix", 1, &["1 carrot", "1 cup all-purpose flour", "1 tbsp kimchi", "1 pinch unobtainium dust"]);
    let filter = Filter::default();
    let items = merge(catalog, &needs(catalog, &Cooking { recipe: &r, servings: 1, date: None }, &filter));
    let mine = parse_aisles(catalog, "[Baking first]\nflour\n", "aisle.conf").unwrap();
    let l = build(catalog, "t".into(), None, &items, &[], &mine, UnitSystem::Metric, &HashSet::new(), &[]);
    let order: Vec<&str> = l.sections.iter().map(|s| s.aisle.as_str()).collect();
    assert_eq!(order.first(), Some(&"Baking first"), "{order:?}");
    assert_eq!(order.last(), Some(&"Other"), "unknown foods last: {order:?}");
    assert!(order.contains(&"Fruit & vegetables"), "{order:?}");
}

#[test]
fn the_catalogs_aisles_write_as_an_aisle_conf_that_reads_back() {
    let catalog = Catalog::bundled();
    let text = catalog_aisle_conf(catalog);
    let aisles = parse_aisles(catalog, &text, "aisle.conf").unwrap();
    assert_eq!(aisles.aisles.len(), catalog.aisles().len());
    assert!(aisles.aisles.iter().any(|(_, keys)| keys.contains(&"carrot".to_string())));
}

#[test]
fn an_excluded_food_with_an_alternative_buys_the_alternative() {
    let pan = recipe("Pan", 2, &["2 tbsp butter or coconut oil", "1 tbsp soy sauce or tamari"]);
    let (lines, _) = list(&[(&pan, 2)], &["dairy", "gluten"], "", UnitSystem::Metric);
    assert!(has(&lines, "coconut oil: 2 tbsp"), "{lines:?}");
    assert!(!lines.iter().any(|l| l.starts_with("butter") || l.starts_with("soy sauce")), "{lines:?}");
    let (lines, _) = list(&[(&pan, 2)], &[], "", UnitSystem::Metric);
    assert!(lines.iter().any(|l| l.starts_with("butter")), "no exclusion: the first choice: {lines:?}");
}
