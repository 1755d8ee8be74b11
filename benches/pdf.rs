//! Benchmark: the PDF of a typical week's shopping list (8 aisles, 60 lines, accents and
//! fractions) — median and p95 of `list_pdf`, and the first call of the process (which also
//! parses the two fonts) — against the Markdown of the same list, the baseline of the same run.
//! `cargo bench --bench pdf`.

#[path = "common/mod.rs"]
mod common;

use common::time;
use gutsy::export::markdown::list_markdown;
use gutsy::export::pdf::{list_pdf, Paper};
use gutsy::export::{ListDoc, ListLine, ListSection};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// 8 aisles of 7–8 lines: 60 lines, a third with a "for:" detail.
fn week_list() -> ListDoc {
    let names = [
        "jalapeño",
        "green cabbage",
        "carrots",
        "cavolo nero",
        "leeks",
        "broccoli",
        "fennel bulbs",
        "lemons",
        "crème fraîche",
        "plain kefir",
        "free-range eggs",
        "feta",
        "kimchi",
        "white miso",
        "rolled oats",
        "buckwheat groats",
        "quinoa",
        "rye sourdough",
        "chickpeas",
        "black beans",
        "coconut milk",
        "Puy lentils",
        "caraway seeds",
        "ground turmeric",
        "flat-leaf parsley",
        "walnuts",
        "hemp seeds",
        "chia seeds",
        "cod fillets",
        "salmon fillets",
    ];
    let quantities = ["2", "1.5 kg", "½ cup", "200 g", "1 bunch", "2 cans (14 oz)", "1 tbsp", "¼ tsp", "", "400 g"];
    let aisles = ["Fruit & vegetables", "Dairy & eggs", "Ferments", "Grains", "Tins & jars", "Herbs & spices", "Nuts & seeds", "Fish"];
    let mut n = 0;
    let sections = aisles
        .iter()
        .enumerate()
        .map(|(a, heading)| ListSection {
            heading: heading.to_string(),
            lines: (0..if a < 4 { 8 } else { 7 })
                .map(|_| {
                    n += 1;
                    ListLine {
                        checked: n % 9 == 0,
                        quantity: quantities[n % quantities.len()].to_string(),
                        name: names[n % names.len()].to_string(),
                        detail: (n % 3 == 0).then(|| "for: Simple Sauerkraut, Green Shakshuka, Miso Mushroom Soup".to_string()),
                    }
                })
                .collect(),
        })
        .collect();
    ListDoc {
        title: "Shopping list — Week of Mon 30 Nov".into(),
        subtitle: Some("30 Nov – 6 Dec · 2 people · 21 meals".into()),
        sections,
        footer: Some("In your pantry: salt, olive oil.".into()),
    }
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let runs = if measuring { 40 } else { 2 };
    let doc = week_list();
    let lines: usize = doc.sections.iter().map(|s| s.lines.len()).sum();
    let start = Instant::now();
    let first = list_pdf(&doc, Paper::A4).expect("the list renders");
    let cold = start.elapsed();
    let (m50, _) = time(runs * 50, || {
        black_box(list_markdown(black_box(&doc)));
    });
    let (p50, p95) = time(runs, || {
        black_box(list_pdf(black_box(&doc), Paper::A4).expect("the list renders"));
    });
    println!("a week's list: {lines} lines in {} aisles, {} bytes of PDF (A4)", doc.sections.len(), first.len());
    println!("markdown of the list (baseline): median {m50:?}");
    println!("list_pdf, first call (parses the fonts): {cold:?}");
    println!("list_pdf: median {p50:?} p95 {p95:?} ({:.0}× the markdown)", p50.as_secs_f64() / m50.as_secs_f64());
    if measuring {
        println!("goal: median < 100 ms: {}", if p50 < Duration::from_millis(100) { "met" } else { "NOT met" });
    }
}
