//! The PDFs read back by poppler: every heading, name and quantity of a long shopping list is
//! extractable text (a ToUnicode map, not just shapes), the fonts are embedded as subsets, the
//! file stays small and the list runs over pages; the same for a week's plan and a recipe card.
//!
//! Needs `pdftotext`, `pdfinfo` and `pdffonts` (Debian's poppler-utils, installed by
//! scripts/setup.sh from scripts/packages-app.txt): the tests fail, saying so, without them.
//! `GUTSY_PDF_OUT=dir` keeps the files for a look.

use chrono::NaiveDate;
use gutsy::catalog::Catalog;
use gutsy::export::pdf::{list_pdf, plan_pdf, recipe_pdf, Paper};
use gutsy::export::{ListDoc, ListLine, ListSection};
use gutsy::library::{open_in_memory, recipe_view, Filter};
use gutsy::model::MealType;
use gutsy::planner::{generate, plan_view, Request};
use std::path::{Path, PathBuf};
use std::process::Command;

const MAX_BYTES: usize = 300 * 1024;

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool).args(args).arg(pdf).args(if tool == "pdftotext" { &["-"][..] } else { &[][..] }).output();
    match out {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        Ok(out) => panic!("{tool} failed on {}: {}", pdf.display(), String::from_utf8_lossy(&out.stderr)),
        Err(e) => panic!(
            "`{tool}` cannot run ({e}). These tests read the PDFs back with poppler-utils: \
             install it (`apt-get install poppler-utils`, listed in scripts/packages-app.txt)"
        ),
    }
}

/// Whitespace (line breaks of wrapped text included) as single spaces.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Written {
    path: PathBuf,
    bytes: usize,
    _dir: Option<tempfile::TempDir>,
}

fn write(name: &str, pdf: &[u8]) -> Written {
    assert!(pdf.starts_with(b"%PDF-"), "{name} is not a PDF");
    let (dir, keep) = match std::env::var_os("GUTSY_PDF_OUT") {
        Some(d) => {
            std::fs::create_dir_all(&d).unwrap();
            (PathBuf::from(d), None)
        }
        None => {
            let t = tempfile::tempdir().unwrap();
            (t.path().to_path_buf(), Some(t))
        }
    };
    let path = dir.join(name);
    std::fs::write(&path, pdf).unwrap();
    Written { path, bytes: pdf.len(), _dir: keep }
}

/// The text of a PDF: pdftotext's reading order (which may interleave the columns) and the
/// drawing order (`-raw`), both with whitespace normalized.
fn texts(pdf: &Written) -> (String, String) {
    (
        normalized(&poppler("pdftotext", &["-enc", "UTF-8"], &pdf.path)),
        normalized(&poppler("pdftotext", &["-enc", "UTF-8", "-raw"], &pdf.path)),
    )
}

fn pages(pdf: &Written) -> usize {
    let info = poppler("pdfinfo", &[], &pdf.path);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// Every font embedded, subset, with a ToUnicode map.
fn assert_fonts_embedded_as_subsets(pdf: &Written) {
    let fonts = poppler("pdffonts", &[], &pdf.path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert!(n >= 7 && cols[n - 5..n - 2] == ["yes", "yes", "yes"], "font not embedded+subset+unicode: {row}");
        assert!(cols[0].contains("+DejaVuSans"), "{row}");
    }
}

fn line(quantity: &str, name: &str, detail: Option<&str>) -> ListLine {
    ListLine { checked: false, quantity: quantity.into(), name: name.into(), detail: detail.map(Into::into) }
}

/// A big week's list: 9 aisles, 68 lines, accents, fractions, dashes, long names and details.
fn long_list() -> ListDoc {
    let aisles: [(&str, &[(&str, &str)]); 9] = [
        (
            "Fruit & vegetables",
            &[
                ("2", "Jalapeño"),
                ("1.5 kg", "green cabbage"),
                ("6", "carrots"),
                ("1 bunch", "cavolo nero"),
                ("3", "leeks"),
                ("500 g", "broccoli"),
                ("2", "fennel bulbs"),
                ("4", "lemons"),
                ("1 head", "garlic"),
                ("250 g", "blueberries"),
                ("3", "sweet potatoes"),
                ("2", "ripe avocados, not too soft, for the salad and the toast on Saturday"),
            ],
        ),
        (
            "Dairy & eggs",
            &[("200 g", "Crème fraîche"), ("½ cup", "plain kefir"), ("12", "free-range eggs"), ("1 l", "milk"), ("150 g", "feta")],
        ),
        (
            "Ferments",
            &[
                ("1 jar", "kimchi"),
                ("½ cup", "sauerkraut brine"),
                ("100 g", "white miso"),
                ("1 bottle", "kombucha"),
                ("1 tbsp", "kefir grains"),
            ],
        ),
        (
            "Grains & pasta",
            &[
                ("500 g", "rolled oats"),
                ("300 g", "buckwheat groats"),
                ("400 g", "quinoa"),
                ("250 g", "millet"),
                ("1 loaf", "rye sourdough"),
                ("200 g", "gluten-free penne"),
                ("1 kg", "brown rice"),
            ],
        ),
        (
            "Tins & jars",
            &[
                ("2 cans (14 oz)", "chickpeas"),
                ("400 g + 2 cans (14 oz)", "black beans"),
                ("1 can", "coconut milk"),
                ("2 cans", "chopped tomatoes"),
                ("1 jar", "tahini"),
                ("250 g", "Puy lentils"),
                ("300 g", "red lentils"),
            ],
        ),
        (
            "Herbs & spices",
            &[
                ("1 tsp", "caraway seeds"),
                ("2 tsp", "ground turmeric"),
                ("1 tsp", "smoked paprika"),
                ("1 bunch", "flat-leaf parsley"),
                ("1 bunch", "dill"),
                ("1 tsp", "cumin seeds"),
                ("", "black pepper"),
                ("", "sea salt ≥ 2 % of the cabbage’s weight"),
            ],
        ),
        (
            "Nuts & seeds",
            &[
                ("100 g", "walnuts"),
                ("3 tbsp", "hemp seeds"),
                ("¼ cup", "chia seeds"),
                ("2 tbsp", "ground flaxseed"),
                ("50 g", "cacao nibs"),
            ],
        ),
        (
            "Fish & meat",
            &[("4 fillets", "cod"), ("2", "salmon fillets"), ("1 (1.5 kg)", "whole chicken"), ("200 g", "smoked tempeh – or tofu")],
        ),
        (
            "Baking & pantry",
            &[
                ("1 bottle", "extra virgin olive oil"),
                ("250 ml", "apple cider vinegar"),
                ("2 tbsp", "raw honey"),
                ("1 tbsp", "Dijon mustard"),
                ("1 tsp", "vanilla extract"),
                ("100 g", "dark chocolate (85 %)"),
                ("2 tbsp", "tamari"),
                ("1 tbsp", "maple syrup"),
                ("3 tbsp", "ground almonds"),
                ("1 tsp", "baking soda"),
                ("2", "dates"),
                ("1", "vanilla pod"),
                ("1 pack", "nori sheets"),
                ("1 l", "vegetable stock"),
                ("1 tbsp", "cornflour"),
                ("1", "bay leaf"),
                ("½ tsp", "chilli flakes"),
                ("1", "star anise"),
            ],
        ),
    ];
    let sections: Vec<ListSection> = aisles
        .iter()
        .enumerate()
        .map(|(s, (heading, items))| ListSection {
            heading: heading.to_string(),
            lines: items
                .iter()
                .enumerate()
                .map(|(i, (q, n))| {
                    let detail = match (s + i) % 3 {
                        0 => Some("for: Simple Sauerkraut, Green Shakshuka"),
                        1 => Some(
                            "for: Miso Mushroom Soup with Bok Choy, Buckwheat Porridge with Pear and Walnuts, Tempeh Kimchi Fried Rice",
                        ),
                        _ => None,
                    };
                    ListLine { checked: i == 3, ..line(q, n, detail) }
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

#[test]
fn a_long_list_prints_every_heading_name_and_quantity_on_a4_and_letter() {
    let doc = long_list();
    let lines: usize = doc.sections.iter().map(|s| s.lines.len()).sum();
    assert!(lines >= 60 && doc.sections.len() >= 8);
    for (paper, name) in [(Paper::A4, "list-a4.pdf"), (Paper::Letter, "list-letter.pdf")] {
        let pdf = write(name, &list_pdf(&doc, paper).unwrap());
        assert!(pdf.bytes <= MAX_BYTES, "{name}: {} bytes", pdf.bytes);
        assert_fonts_embedded_as_subsets(&pdf);
        let n = pages(&pdf);
        assert!(n > 1, "{name}: {n} page(s) for {lines} lines");
        let (text, raw) = texts(&pdf);
        let mut wanted =
            vec![doc.title.clone(), doc.subtitle.clone().unwrap(), doc.footer.clone().unwrap(), format!("1 / {n}"), format!("{n} / {n}")];
        for s in &doc.sections {
            wanted.push(s.heading.clone());
            for l in &s.lines {
                wanted.extend([l.name.clone(), l.quantity.clone()].into_iter().chain(l.detail.clone()).filter(|w| !w.is_empty()));
            }
        }
        for want in &wanted {
            let want = normalized(want);
            // Single-line strings come out in any order; a wrapped name in drawing order.
            assert!(text.contains(&want) || raw.contains(&want), "{name}: {want:?} is not in the extracted text:\n{text}");
        }
        for exact in ["Crème fraîche", "Jalapeño", "½ cup", "≥", "–", "’"] {
            assert!(text.contains(exact), "{name}: {exact:?} did not survive extraction");
        }
    }
}

#[test]
fn a_week_plan_prints_its_grid_prep_and_warnings() {
    let (store, _) = open_in_memory().unwrap();
    let cands = store.plan_candidates(&Filter::default()).unwrap();
    let mut req = Request::week(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    req.meals = vec![MealType::Breakfast, MealType::Lunch, MealType::Dinner, MealType::Snack];
    req.today = NaiveDate::from_ymd_opt(2026, 11, 20);
    req.leftovers = true;
    let out = generate(&cands, &req);
    let mut plan = plan_view(&cands, &req, &out, &vec![2; out.slots.len()]);
    plan.name = Some("Week of Mon 30 Nov".into());
    if plan.warnings.is_empty() {
        plan.warnings.push("Only 2 fermented recipes pass your filters: 5 of 7 days have a ferment.".into());
    }
    assert!(!plan.prep.is_empty(), "the bundled ferments need starting before the week");
    for paper in [Paper::A4, Paper::Letter] {
        let pdf = write(&format!("plan-{paper:?}.pdf"), &plan_pdf(&plan, paper).unwrap());
        assert_eq!(pages(&pdf), 1, "a week of four meals, its prep and warnings fit one landscape page");
        assert!(pdf.bytes <= MAX_BYTES, "{} bytes", pdf.bytes);
        assert_fonts_embedded_as_subsets(&pdf);
        let (text, raw) = texts(&pdf);
        let mut wanted =
            vec!["Week of Mon 30 Nov".to_string(), "Mon 30 Nov – Sun 6 Dec 2026".into(), "Breakfast".into(), "Snack".into(), "Prep".into()];
        for day in &plan.days {
            wanted.push(day.label.clone());
            wanted.push(format!("{:.1} g fiber · {} plants", day.metrics.fiber_g, day.metrics.plants));
            for m in &day.meals {
                wanted.extend(m.recipe.as_ref().map(|r| r.title.clone()).into_iter().chain(m.note.clone()));
            }
        }
        if plan.days.iter().any(|d| d.metrics.fermented) {
            wanted.push("✓ fermented".into());
        }
        wanted.extend(plan.prep.iter().map(|p| p.task.clone()));
        wanted.extend(plan.warnings.iter().cloned());
        for want in &wanted {
            let want = normalized(want);
            assert!(text.contains(&want) || raw.contains(&want), "{want:?} is not in the plan's text:\n{raw}");
        }
        assert!(plan.days.iter().any(|d| d.meals.iter().any(|m| m.note.is_some())), "leftover notes are printed too");
    }
}

#[test]
fn a_recipe_card_prints_title_ingredients_steps_and_notes() {
    let (store, _) = open_in_memory().unwrap();
    let recipe = store.find("Simple Sauerkraut").unwrap();
    let view = recipe_view(Catalog::bundled(), &recipe, 8, &Filter::default());
    let pdf = write("recipe.pdf", &recipe_pdf(&view, Paper::A4).unwrap());
    assert!(pdf.bytes <= MAX_BYTES, "{} bytes", pdf.bytes);
    assert_fonts_embedded_as_subsets(&pdf);
    let (text, raw) = texts(&pdf);
    let mut wanted =
        vec!["Simple Sauerkraut".to_string(), "Serves 8 (the recipe makes 16)".into(), "Prep 30 min".into(), "Ferment 3 weeks".into()];
    wanted.extend(["Ingredients", "Steps", "Notes"].map(String::from));
    for i in &view.ingredients {
        wanted.extend([i.name.clone()].into_iter().chain(i.quantity_text.clone()).chain(i.note.clone()));
    }
    for (n, s) in recipe.steps.iter().enumerate() {
        wanted.push(format!("{}.", n + 1));
        wanted.push(s.text.clone());
    }
    wanted.extend(recipe.notes.iter().cloned());
    for want in &wanted {
        let want = normalized(want);
        assert!(text.contains(&want) || raw.contains(&want), "{want:?} is not in the card's text:\n{raw}");
    }

    // A long recipe runs over pages, numbered.
    let mut long = view.clone();
    long.recipe.steps = (0..60)
        .map(|i| gutsy::model::Step { section: None, text: format!("Step {i}: stir, taste and wait; the crème fraîche goes in last.") })
        .collect();
    let pdf = write("recipe-long.pdf", &recipe_pdf(&long, Paper::Letter).unwrap());
    let n = pages(&pdf);
    assert!(n > 1);
    let (_, raw) = texts(&pdf);
    assert!(raw.contains(&format!("{n} / {n}")) && raw.contains("60. Step 59"), "{raw}");
}
