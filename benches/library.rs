//! Benchmark: a big library. Imports generated recipes (recipes per second, against parsing
//! alone as the baseline of the same run), then times a filtered search over the whole library
//! (p50/p95 per call, against the same call on the bundled library measured in the same run).
//!
//! `cargo bench --bench library` uses 50,000 recipes; `GUTSY_BENCH_RECIPES=N` changes that.
//! `GUTSY_BENCH_WRITE=DIR` also writes the generated recipes as `.cook` files into DIR (for the
//! whole-process comparison in `scripts/bench-cli.sh`) and exits.

use gutsy::catalog::Catalog;
use gutsy::diet::{Attribute, Trigger};
use gutsy::filter::{Filter, FilterSpec};
use gutsy::import::{parse_cook, Source, SourceFormat};
use gutsy::library;
use gutsy::store::Store;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Extra lines mixed into generated recipes, so recipes differ in foods and facts.
const EXTRAS: &[&str] = &[
    "@baby spinach{2%handfuls}",
    "@sauerkraut{1/2%cup}",
    "@honey{1%tbsp}",
    "@butter{2%tbsp}",
    "@soy sauce{1%tbsp}",
    "@kimchi{1/4%cup}",
    "@walnuts{30%g}",
    "@white wine{100%ml}",
    "@chickpeas{400%g}",
    "@kale{1%bunch}",
    "@red onion{1}",
    "@shiitake mushrooms{150%g}",
    "@greek yogurt{1%cup}",
    "@rolled oats{1%cup}",
    "@tofu{200%g}",
];
const WORDS: &[&str] = &["Sunday", "Quick", "Spicy", "Green", "Golden", "Harvest", "Weeknight", "Smoky", "Bright", "Cosy"];

/// `n` distinct recipes: the bundled ones retitled, with one or two extra ingredients each.
fn generate(n: usize) -> Vec<(String, String)> {
    let bundled = library::bundled_files();
    (0..n)
        .map(|i| {
            let (key, text) = &bundled[i % bundled.len()];
            let title = text.lines().find_map(|l| l.strip_prefix("title:")).unwrap_or("Recipe").trim();
            let new_title = format!("{} {title} {i}", WORDS[i % WORDS.len()]);
            let a = EXTRAS[i % EXTRAS.len()];
            let b = EXTRAS[(i / EXTRAS.len() + 3) % EXTRAS.len()];
            let body = text.replacen(&format!("title: {title}"), &format!("title: {new_title}"), 1);
            let body = format!("{body}\nFinish with {a} and {b}.\n");
            (format!("{}-{i}.cook", key.trim_start_matches("recipes/").trim_end_matches(".cook")), body)
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// A screenful: what the app asks for per keystroke.
const PAGE: usize = 50;

/// Runs each query `rounds` times (the first page of cards and the total, or with `all` every
/// card); returns p50 and p95 of one call and the total hits per round.
fn time_queries(store: &Store, filters: &[Filter], rounds: usize, all: bool) -> (Duration, Duration, usize) {
    let limit = if all { usize::MAX } else { PAGE };
    let mut times = Vec::with_capacity(rounds * filters.len());
    let mut hits = 0;
    for f in filters {
        black_box(store.list_page(f, 0, limit).expect("list")); // warm the statement cache and the index
    }
    for _ in 0..rounds {
        for f in filters {
            let start = Instant::now();
            let page = store.list_page(black_box(f), 0, limit).expect("list");
            times.push(start.elapsed());
            hits += page.total;
        }
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95), hits / rounds.max(1))
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("GUTSY_BENCH_RECIPES").ok().and_then(|v| v.parse().ok()).unwrap_or(if measuring { 50_000 } else { 300 });
    let recipes = generate(n);
    if let Some(dir) = std::env::var_os("GUTSY_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create the output folder");
        for (name, text) in &recipes {
            std::fs::write(dir.join(name), text).expect("write a recipe file");
        }
        println!("wrote {} recipes to {}", recipes.len(), dir.display());
        return;
    }
    let catalog = Catalog::bundled();
    let tmp = tempfile::tempdir().expect("temp dir");

    // Baseline: parsing alone (Cooklang + every ingredient line), no storage.
    let sample = &recipes[..recipes.len().min(5_000)];
    let start = Instant::now();
    for (name, text) in sample {
        black_box(parse_cook(name, text).expect("generated recipes parse"));
    }
    let parse_rate = sample.len() as f64 / start.elapsed().as_secs_f64();

    let (mut big, _) = library::open(&tmp.path().join("big.db")).expect("open");
    let sources = recipes
        .iter()
        .map(|(name, text)| Ok(Source { format: SourceFormat::Cooklang, label: name.clone(), text: text.clone(), path: None }));
    let start = Instant::now();
    let mut imported = 0;
    big.import_all(sources, |_, r| imported += usize::from(r.is_ok())).expect("import");
    let import_rate = recipes.len() as f64 / start.elapsed().as_secs_f64();
    assert_eq!(imported, recipes.len(), "every generated recipe imports");
    println!(
        "import: {import_rate:>10.0} recipes/s (batches of {}, a savepoint per recipe) | parse alone {parse_rate:.0}/s | ratio {:.3}",
        gutsy::store::BATCH,
        import_rate / parse_rate
    );
    // One recipe per transaction (saving from the editor), on a sample, for comparison.
    let (mut single, _) = library::open(&tmp.path().join("single.db")).expect("open");
    let start = Instant::now();
    for (name, text) in sample.iter().take(2_000) {
        let src = Source { format: SourceFormat::Cooklang, label: name.clone(), text: text.clone(), path: None };
        single.import(&src).expect("import");
    }
    println!("import one transaction each: {:.0} recipes/s", sample.len().min(2_000) as f64 / start.elapsed().as_secs_f64());

    let (small, _) = library::open(&tmp.path().join("small.db")).expect("open");
    let four =
        vec![Trigger::Dairy, Trigger::Gluten, Trigger::Sugar, Trigger::Alcohol].into_iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let specs = [
        FilterSpec {
            search: Some("spinach".into()),
            exclude: four.clone(),
            attributes: vec![Attribute::Fermented],
            ..FilterSpec::default()
        },
        FilterSpec { search: Some("kef".into()), exclude: four.clone(), ..FilterSpec::default() },
        FilterSpec { search: Some("soup".into()), exclude: vec!["onion".into(), "dairy".into()], ..FilterSpec::default() },
        FilterSpec {
            search: Some("cabbage salt".into()),
            attributes: vec![Attribute::Fermented, Attribute::Cruciferous],
            ..FilterSpec::default()
        },
    ];
    let filters: Vec<Filter> = specs.iter().map(|s| Filter::from_spec(catalog, s).expect("filter")).collect();
    let rounds = if measuring { 50 } else { 3 };
    let (s50, s95, shits) = time_queries(&small, &filters, rounds, false);
    let (b50, b95, bhits) = time_queries(&big, &filters, rounds, false);
    println!("filtered search, first {PAGE} cards and the count of 4 queries, per call:");
    println!("  bundled library ({} recipes): p50 {s50:?} p95 {s95:?} ({shits} hits per round)", small.count().unwrap_or(0));
    println!("  big library ({} recipes):    p50 {b50:?} p95 {b95:?} ({bhits} hits per round)", big.count().unwrap_or(0));
    println!("  ratio p95 big/bundled {:.2}", b95.as_secs_f64() / s95.as_secs_f64().max(1e-9));
    let (a50, a95, _) = time_queries(&big, &filters, rounds.div_ceil(5), true);
    println!("  every card of every hit, big library: p50 {a50:?} p95 {a95:?}");
    if measuring {
        println!("goal: p95 < 10 ms over 50,000 recipes: {}", if b95 < Duration::from_millis(10) { "met" } else { "NOT met" });
        println!("goal: import >= 1000 recipes/s: {}", if import_rate >= 1000.0 { "met" } else { "NOT met" });
    }
}
