//! Benchmark: the shopping list of a saved 7 days × 4 meals plan of the bundled library —
//! the whole `shopping_list` (plan, recipes from the store, merge, pantry, aisles) and its pure
//! part (needs → merge → list) — against `show_plan` of the same plan (the baseline of the same
//! run: what reading the plan alone costs). `cargo bench --bench shopping`.

#[path = "common/mod.rs"]
mod common;

use chrono::NaiveDate;
use common::time;
use gutsy::catalog::Catalog;
use gutsy::filter::Filter;
use gutsy::library::{generate_plan, open_in_memory, shopping_list, show_plan, ListOptions, ListSource, NewPlan};
use gutsy::model::MealType;
use gutsy::planner::PlanSettings;
use gutsy::shopping::{build, merge, needs, Aisles, Cooking};
use gutsy::units::UnitSystem;
use std::collections::HashSet;
use std::hint::black_box;
use std::time::Duration;

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let runs = if measuring { 200 } else { 2 };
    let (mut store, _) = open_in_memory().expect("the bundled library");
    let start = NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date");
    let mut new = NewPlan::week(Some("Bench week".into()), start, PlanSettings::default());
    new.meals = vec![MealType::Breakfast, MealType::Lunch, MealType::Dinner, MealType::Snack];
    let view = generate_plan(&mut store, &new, start).expect("a plan");
    let recipes: Vec<_> = view
        .days
        .iter()
        .flat_map(|d| d.meals.iter().filter_map(|m| m.recipe.as_ref().map(|r| (r.id.clone(), m.cook_servings, d.date))))
        .filter_map(|(id, servings, date)| store.recipe(&id).ok().flatten().map(|r| (r, servings, date)))
        .collect();
    let catalog = Catalog::bundled();
    let source = ListSource::Plan("Bench week".into());
    let options = ListOptions::default();
    let (p50, _) = time(runs, || {
        black_box(show_plan(&store, "Bench week", start).expect("the plan"));
    });
    let (l50, l95) = time(runs, || {
        black_box(shopping_list(&store, &source, &options, start).expect("a list"));
    });
    let (m50, m95) = time(runs, || {
        let all: Vec<_> = recipes
            .iter()
            .flat_map(|(r, s, d)| needs(catalog, &Cooking { recipe: r, servings: *s, date: Some(*d) }, &Filter::default()))
            .collect();
        let items = merge(catalog, &all);
        black_box(build(catalog, "t".into(), None, &items, &[], &Aisles::default(), UnitSystem::Metric, &HashSet::new(), &[]));
    });
    println!("baseline: show_plan of a 7 × 4 plan:      median {p50:?}");
    println!(
        "shopping list of it, whole:               median {l50:?} p95 {l95:?} (ratio to baseline {:.2})",
        l50.as_secs_f64() / p50.as_secs_f64()
    );
    println!("shopping list of it, pure (merge + list): median {m50:?} p95 {m95:?} ({} recipe cookings)", recipes.len());
    if measuring {
        println!("goal: whole list median < 5 ms: {}", if l50 < Duration::from_millis(5) { "met" } else { "NOT met" });
    }
}
