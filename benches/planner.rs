//! Benchmark: planning 7 days × 4 meals from a deterministic synthetic library of 10,000
//! recipes (median and p95 of one plan), against scoring one plan (the baseline of the same
//! run: what a single evaluation costs) and against a 300-recipe library.
//! `cargo bench --bench planner`; `GUTSY_BENCH_RECIPES=N` changes the library size.

#[path = "common/mod.rs"]
mod common;

use chrono::NaiveDate;
use common::time;
use gutsy::model::MealType;
use gutsy::planner::{evaluate, generate, synthetic, Request};
use std::hint::black_box;
use std::time::Duration;

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("GUTSY_BENCH_RECIPES").ok().and_then(|v| v.parse().ok()).unwrap_or(if measuring { 10_000 } else { 500 });
    let runs = if measuring { 30 } else { 2 };
    let mut req = Request::week(NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date"));
    req.meals = vec![MealType::Breakfast, MealType::Lunch, MealType::Dinner, MealType::Snack];
    req.today = NaiveDate::from_ymd_opt(2026, 11, 1);
    let big = synthetic(n, 42);
    let small = synthetic(300, 42);
    let plan = generate(&big, &req);
    let (e50, _) = time(runs * 20, || {
        black_box(evaluate(&big, &req, &plan.slots));
    });
    let (s50, s95) = time(runs, || {
        black_box(generate(&small, &req));
    });
    let mut seed = 0;
    let (b50, b95) = time(runs, || {
        seed += 1;
        req.seed = seed;
        black_box(generate(&big, &req));
    });
    println!("one evaluation of a 7 × 4 plan: {e50:?}");
    println!("plan 7 × 4 from 300 recipes:    median {s50:?} p95 {s95:?}");
    println!("plan 7 × 4 from {n} recipes: median {b50:?} p95 {b95:?} ({:.0} evaluations' worth)", b50.as_secs_f64() / e50.as_secs_f64());
    println!("ratio median {n}/300: {:.2}", b50.as_secs_f64() / s50.as_secs_f64());
    if measuring {
        println!("goal: median < 50 ms: {}", if b50 < Duration::from_millis(50) { "met" } else { "NOT met" });
    }
}
