//! The bundled recipe library (recipes/*.cook) through the core loader and catalog.

use gutsy::catalog::Catalog;
use gutsy::diet::{Attribute, Trigger};
use gutsy::facts::{recipe_facts, RecipeFacts};
use gutsy::import::parse_cook;
use gutsy::library::bundled_files;
use gutsy::model::{slugify, MealType, Recipe};
use std::collections::{BTreeMap, BTreeSet};

fn library() -> Vec<(Recipe, RecipeFacts)> {
    let catalog = Catalog::bundled();
    bundled_files()
        .into_iter()
        .map(|(label, text)| {
            let r = parse_cook(&label, text).unwrap_or_else(|e| panic!("{e}"));
            let f = recipe_facts(catalog, &r);
            (r, f)
        })
        .collect()
}

const FOUR: [Trigger; 4] = [Trigger::Dairy, Trigger::Gluten, Trigger::Sugar, Trigger::Alcohol];

fn trigger_free(f: &RecipeFacts) -> bool {
    !FOUR.iter().any(|t| f.triggers.contains(t))
}

#[test]
fn every_file_loads_cleanly_and_completely() {
    let lib = library();
    assert!(lib.len() >= 40, "only {} recipes", lib.len());
    for (label, _) in bundled_files() {
        let stem = label.trim_start_matches("recipes/").trim_end_matches(".cook");
        let (r, f) = lib.iter().find(|(r, _)| r.slug == stem).unwrap_or_else(|| panic!("{label}: file name is not the slug of its title"));
        assert_eq!(slugify(&r.title), stem);
        assert!(f.unknown.is_empty(), "{label}: ingredients not in the catalog: {:?}", f.unknown);
        assert!(r.servings >= 1 && !r.meals.is_empty(), "{label}: servings and meal are required");
        assert!(r.times.prep_minutes.is_some() && r.times.cook_minutes.is_some(), "{label}: prep and cook time are required");
        assert!(r.description.is_some(), "{label}: description");
        assert!((3..=12).contains(&r.steps.len()), "{label}: {} steps", r.steps.len());
        for line in &r.ingredients {
            if let Some(u) = &line.unit {
                assert!(gutsy::units::Units::get().by_symbol(u).is_some(), "{label}: unknown unit {u:?}");
            }
        }
    }
    let slugs: BTreeSet<&str> = lib.iter().map(|(r, _)| r.slug.as_str()).collect();
    assert_eq!(slugs.len(), lib.len(), "two recipes share a slug");
}

#[test]
fn derived_triggers_are_exactly_the_intended_ones() {
    #[derive(serde::Deserialize)]
    struct Allowed {
        dairy: Vec<String>,
        gluten: Vec<String>,
        sugar: Vec<String>,
        alcohol: Vec<String>,
    }
    let allowed: Allowed = toml::from_str(include_str!("data/allowed_triggers.toml")).unwrap();
    let table = [
        (Trigger::Dairy, &allowed.dairy),
        (Trigger::Gluten, &allowed.gluten),
        (Trigger::Sugar, &allowed.sugar),
        (Trigger::Alcohol, &allowed.alcohol),
    ];
    let lib = library();
    for (t, ids) in table {
        for (r, f) in &lib {
            let listed = ids.contains(&r.slug);
            assert_eq!(f.triggers.contains(&t), listed, "{}: derived {t} = {}, table says {listed}", r.slug, !listed);
        }
    }
    // The library is for people avoiding these: recipes with one are the exception.
    let with_trigger = lib.iter().filter(|(_, f)| !trigger_free(f)).count();
    let listed: BTreeSet<&String> = table.iter().flat_map(|(_, ids)| ids.iter()).collect();
    assert_eq!(with_trigger, listed.len());
    assert!(with_trigger * 5 <= lib.len(), "{with_trigger} of {} recipes carry a trigger", lib.len());
    // Each of those names a substitution.
    for (r, f) in lib.iter().filter(|(_, f)| !trigger_free(f)) {
        let text =
            format!("{} {}", r.notes.join(" "), r.steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")).to_lowercase();
        assert!(
            text.contains("instead") || text.contains("swap") || text.contains("replace") || text.contains("free"),
            "{} ({:?}) names no substitution",
            r.slug,
            f.triggers
        );
    }
}

#[test]
fn the_five_signature_recipes_are_there() {
    let lib = library();
    for title in [
        "Coconut Water Kefir",
        "Microbiome Gut Healthy Smoothie",
        "Blueberry Hemp Overnight Oats",
        "Gut Healing Parsnip Soup",
        "Simple Sauerkraut",
    ] {
        assert!(lib.iter().any(|(r, _)| r.title == title), "{title} is missing");
    }
}

#[test]
fn coverage_by_kind() {
    let lib = library();
    let count = |pred: &dyn Fn(&Recipe, &RecipeFacts) -> bool| lib.iter().filter(|(r, f)| pred(r, f)).count();
    assert!(
        count(&|_, f| f.attributes.contains(&Attribute::Fermented)
            && f.fermented_because.as_deref().is_some_and(|w| w.starts_with("it ferments")))
            >= 8,
        "ferments"
    );
    assert!(count(&|r, _| r.meals.contains(&MealType::Drink) || r.tags.iter().any(|t| t == "smoothie")) >= 6, "drinks");
    assert!(count(&|r, _| r.tags.iter().any(|t| t == "soup") || r.title.contains("Soup")) >= 6, "soups");
    assert!(count(&|r, _| r.meals.contains(&MealType::Breakfast)) >= 6, "breakfasts");
    assert!(count(&|r, _| r.meals.contains(&MealType::Lunch) || r.meals.contains(&MealType::Dinner)) >= 10, "mains");
    assert!(count(&|r, _| r.meals.contains(&MealType::Snack) || r.tags.iter().any(|t| t == "salad")) >= 4, "snacks/salads");
    let fermented_ingredient_lines = lib.iter().filter(|(_, f)| f.attributes.contains(&Attribute::Fermented)).count();
    assert!(fermented_ingredient_lines >= 8);
}

/// A plain greedy week: distinct trigger-free recipes per meal, most new plants first, and a
/// fermented recipe every day. If greedy finds one, a plan exists.
#[test]
fn a_trigger_free_week_with_30_plants_and_daily_ferments_exists() {
    let lib = library();
    let free: Vec<&(Recipe, RecipeFacts)> = lib.iter().filter(|(_, f)| trigger_free(f)).collect();
    let mut per_meal: BTreeMap<MealType, usize> = BTreeMap::new();
    for (r, _) in &free {
        for m in &r.meals {
            *per_meal.entry(*m).or_default() += 1;
        }
    }
    for m in [MealType::Breakfast, MealType::Lunch, MealType::Dinner] {
        assert!(per_meal.get(&m).copied().unwrap_or(0) >= 7, "only {:?} trigger-free {m} recipes", per_meal.get(&m));
    }

    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut plants: BTreeSet<&str> = BTreeSet::new();
    let mut fermented_days = 0;
    let mut sides: Vec<&str> = Vec::new();
    for _day in 0..7 {
        let mut day_fermented = false;
        for meal in [MealType::Breakfast, MealType::Lunch, MealType::Dinner] {
            let pick = free
                .iter()
                .filter(|(r, _)| r.meals.contains(&meal) && !used.contains(r.slug.as_str()))
                .max_by_key(|(r, f)| (f.plants.iter().filter(|p| !plants.contains(p.as_str())).count(), std::cmp::Reverse(r.slug.clone())))
                .expect("a distinct recipe for every meal of the week");
            used.insert(&pick.0.slug);
            plants.extend(pick.1.plants.iter().map(String::as_str));
            day_fermented |= pick.1.attributes.contains(&Attribute::Fermented);
        }
        if !day_fermented {
            // A fermented side (snack or drink) for the day; a batch lasts three days, so the
            // week needs a new one at least every third day.
            let side = free.iter().find(|(r, f)| {
                f.attributes.contains(&Attribute::Fermented)
                    && (r.meals.contains(&MealType::Snack) || r.meals.contains(&MealType::Drink))
                    && sides.iter().filter(|s| **s == r.slug.as_str()).count() < 3
            });
            if let Some((r, _)) = side {
                sides.push(r.slug.as_str());
                day_fermented = true;
            }
        }
        fermented_days += usize::from(day_fermented);
    }
    assert_eq!(fermented_days, 7);
    assert!(plants.len() >= 30, "only {} distinct plants: {plants:?}", plants.len());
}
