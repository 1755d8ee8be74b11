//! Benchmark: ingredient-line parsing + catalog matching, in lines per second on one core.
//!
//! Prints a ratio against a baseline measured in the same run on the same lines: lowercasing
//! and splitting each line into words — the least any parser must do. Run with
//! `cargo bench --bench parse`.

use gutsy::catalog::Catalog;
use gutsy::ingredients::parse_line;
use std::hint::black_box;
use std::time::{Duration, Instant};

const LINES: &[&str] = &[
    "2 cups flour",
    "1 1/2 cups certified gluten-free rolled oats",
    "½ tsp ground cinnamon",
    "1-2 tbsp maple syrup",
    "2 to 3 cloves garlic, minced",
    "250g green cabbage",
    "1 (14 oz) can coconut milk",
    "1 cup (240 ml) unsweetened almond milk",
    "a pinch of sea salt",
    "juice of 1 lemon",
    "salt to taste",
    "olive oil, for drizzling",
    "3 large sweet potatoes, peeled and cubed",
    "1 bunch kale, stems removed",
    "2 tbsp soy sauce",
    "1 tbsp white miso",
    "400 g chickpeas, drained",
    "1 cup frozen blueberries",
    "2 tbsp hemp seeds",
    "1 head cauliflower",
    "200 g 100% buckwheat soba noodles",
    "1 tsp cream of tartar",
    "2 tbsp peanut butter",
    "1 cup sugar snap peas",
    "3 tbsp mirin",
    "1/2 cup walnuts, toasted",
    "1 ripe avocado",
    "4 medium tomatoes",
    "2 tbsp tahini",
    "1 l coconut water",
];

fn measure(label: &str, rounds: usize, mut f: impl FnMut(&str)) -> f64 {
    // Warm up caches and the catalog's one-time load.
    for l in LINES {
        f(l);
    }
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..rounds {
            for l in LINES {
                f(black_box(l));
            }
        }
        best = best.min(start.elapsed());
    }
    let per_sec = (rounds * LINES.len()) as f64 / best.as_secs_f64();
    println!("{label:<32} {:>12.0} lines/s", per_sec);
    per_sec
}

fn main() {
    let catalog = Catalog::bundled();
    // `cargo test --all-targets` runs this binary without `--bench`: a quick smoke run then.
    let measuring = std::env::args().any(|a| a == "--bench");
    let rounds = if measuring { 20_000 } else { 10 };
    let baseline = measure("baseline (lowercase + split)", rounds, |l| {
        let lower = l.to_lowercase();
        black_box(lower.split_whitespace().count());
    });
    let parse = measure("parse only", rounds, |l| {
        black_box(parse_line(l));
    });
    let full = measure("parse + catalog match", rounds, |l| {
        let line = parse_line(l);
        black_box(catalog.match_line(&line));
    });
    println!("ratio parse/baseline            {:>12.3}", parse / baseline);
    println!("ratio parse+match/baseline      {:>12.3}", full / baseline);
    if measuring {
        println!("goal: parse + match >= 500000 lines/s on one core: {}", if full >= 500_000.0 { "met" } else { "NOT met" });
    }
}
