//! schema.org Recipe import from the sample pages and documents in `tests/data/jsonld/`: every
//! shape a saved page or a JSON-LD document comes in, tricky values, and bad inputs.

use gutsy::export::recipe_jsonld;
use gutsy::import::{collect_files, read_source, ImportError, SourceFormat};
use gutsy::model::{MealType, Recipe};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/jsonld").join(name)
}

fn import(name: &str) -> Result<Recipe, ImportError> {
    let source = read_source(&data(name), None)?;
    assert_eq!(source.format, SourceFormat::JsonLd, "{name} is JSON-LD by its extension");
    assert_eq!(SourceFormat::sniff(&source.text), SourceFormat::JsonLd, "{name} is JSON-LD by its text");
    source.format.parse(name, &source.text)
}

fn ok(name: &str) -> Recipe {
    import(name).unwrap_or_else(|e| panic!("{e}"))
}

fn lines(r: &Recipe) -> Vec<&str> {
    r.ingredients.iter().map(|l| l.input.as_str()).collect()
}

fn steps(r: &Recipe) -> Vec<(Option<&str>, &str)> {
    r.steps.iter().map(|s| (s.section.as_deref(), s.text.as_str())).collect()
}

fn meta<'a>(r: &'a Recipe, key: &str) -> Option<&'a str> {
    r.metadata.get(key).map(String::as_str)
}

#[test]
fn a_saved_page_with_a_graph_and_entities() {
    let r = ok("graph-page.html");
    assert_eq!(r.title, "Leek & Potato Soup with Crème Fraîche");
    assert_eq!(r.slug, "leek-potato-soup-with-crème-fraîche");
    assert_eq!(r.description.as_deref(), Some("A silky, mild soup – ready in under an hour."));
    assert_eq!(r.servings, 4);
    assert_eq!((r.times.prep_minutes, r.times.cook_minutes, r.times.ferment_minutes), (Some(15), Some(35), None));
    assert_eq!(r.meals, vec![MealType::Lunch, MealType::Dinner], "\"Main course\" is lunch and dinner");
    assert_eq!(r.tags, vec!["soup", "leeks", "winter", "freezer friendly"]);
    assert_eq!(lines(&r)[4], "Crème fraîche & chives, to serve");
    assert_eq!(r.ingredients[0].name, "leeks", "lines go through the ingredient parser: {:?}", r.ingredients[0]);
    assert_eq!(r.ingredients[1].unit.as_deref(), Some("g"));
    assert_eq!(
        steps(&r),
        vec![
            (None, "Melt the butter and soften the leeks for 10 minutes."),
            (None, "Add the potatoes and stock; simmer for 20 minutes."),
            (None, "Blend until smooth and serve with crème fraîche & chives."),
        ]
    );
    assert_eq!(meta(&r, "author"), Some("Asha Evans"));
    assert_eq!(meta(&r, "url"), Some("https://windowsill.example/leek-soup/"));
    assert_eq!(r.source.as_deref(), Some("https://windowsill.example/leek-soup/"));
    assert_eq!(meta(&r, "image"), Some("https://windowsill.example/img/leek-soup.jpg"));
    assert_eq!(meta(&r, "category"), Some("Main course"));
    assert_eq!(meta(&r, "cuisine"), Some("British"));
    assert_eq!(meta(&r, "yield"), None, "[\"4\", \"4 servings\"] says nothing more than 4");
    assert_eq!(meta(&r, "total time"), None, "50 min is prep plus cook");
}

#[test]
fn several_scripts_the_first_recipe_wins_and_type_arrays_count() {
    let r = ok("several-scripts.html");
    assert_eq!(r.title, "Kimchi Fried Rice");
    assert_eq!(r.servings, 2);
    assert_eq!(meta(&r, "yield"), Some("Serves 2"));
    assert_eq!(r.times.cook_minutes, Some(20), "only a total: it is the cooking time");
    assert_eq!(r.meals, vec![MealType::Dinner]);
    assert_eq!(meta(&r, "category"), Some("Dinner, Quick"));
    assert_eq!(r.tags, vec!["kimchi", "rice", "leftovers"]);
    assert_eq!(meta(&r, "author"), Some("Min-jun, Sora"));
    assert_eq!(meta(&r, "image"), Some("https://rice.example/a-16x9.jpg"));
    assert_eq!(r.steps.len(), 4, "a string of instructions is split at its lines");
    assert_eq!(r.steps[3].text, "Top with fried eggs.");
    assert_eq!(lines(&r), vec!["2 cups cooked rice", "1/2 cup kimchi, chopped", "1 tbsp sesame oil", "2 eggs"]);
}

#[test]
fn main_entity_sections_tips_legacy_ingredients_and_comment_wrappers() {
    let r = ok("main-entity.html");
    assert_eq!(r.title, "Overnight Oats with Kefir");
    assert_eq!(r.servings, 2, "a number as the yield");
    assert_eq!((r.times.prep_minutes, r.times.cook_minutes), (Some(5), Some(0)));
    assert_eq!(r.meals, vec![MealType::Breakfast]);
    assert_eq!(meta(&r, "author"), Some("Jo Baker"));
    assert_eq!(meta(&r, "image"), Some("https://oats.example/oats.jpg"));
    assert_eq!(lines(&r).len(), 4, "legacy `ingredients`");
    assert!(r.ingredients[3].optional);
    assert_eq!(
        steps(&r),
        vec![
            (Some("The night before"), "Stir the oats, kefir and chia seeds together."),
            (Some("The night before"), "Cover and chill overnight."),
            (Some("In the morning"), "Loosen with a splash of kefir and drizzle with honey."),
        ]
    );
    assert_eq!(r.notes, vec!["Keeps for 3 days in the fridge."]);
}

#[test]
fn a_jsonld_graph_with_ferment_time_and_string_ingredients() {
    let r = ok("graph.jsonld");
    assert_eq!(r.title, "Simple Kimchi");
    assert_eq!(r.servings, 1, "the first number of the yield: 1 litre");
    assert_eq!(meta(&r, "yield"), Some("Makes 1 litre jar (about 12 servings)"));
    assert_eq!((r.times.prep_minutes, r.times.cook_minutes, r.times.ferment_minutes), (Some(60), Some(0), Some(5 * 1440)));
    assert!(r.meals.is_empty(), "a side dish says nothing about meals");
    assert_eq!(meta(&r, "category"), Some("Side dish"));
    assert_eq!(meta(&r, "cuisine"), Some("Korean"));
    assert_eq!(lines(&r), vec!["1 napa cabbage", "3 tbsp sea salt", "4 garlic cloves", "1 tbsp gochugaru"]);
    assert_eq!(
        r.steps.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        vec!["Salt the cabbage and leave for 2 hours.", "Rinse, then mix with the garlic & gochugaru.", "Pack into a jar."]
    );
}

#[test]
fn a_top_level_object_with_a_range_yield() {
    let r = ok("top-level.json");
    assert_eq!(r.title, "Lentil Dal");
    assert_eq!(r.description.as_deref(), Some("Weeknight dal — cheap and filling."));
    assert_eq!(r.servings, 4, "4-6: the first number");
    assert_eq!(meta(&r, "yield"), Some("4-6"));
    assert_eq!(r.times.cook_minutes, Some(90), "PT90M");
    assert_eq!(r.meals, vec![MealType::Dinner, MealType::Lunch]);
    assert_eq!(r.tags, vec!["vegan", "gluten free"]);
    assert_eq!(meta(&r, "image"), Some("https://dal.example/dal.webp"));
    assert_eq!(meta(&r, "author"), Some("Priya"));
}

#[test]
fn an_array_document_with_a_day_long_total_and_one_step_object() {
    let r = ok("one-day.json");
    assert_eq!(r.title, "Slow Sourdough");
    assert_eq!(r.servings, 12);
    assert_eq!(meta(&r, "yield"), Some("Makes 12 rolls"));
    assert_eq!((r.times.prep_minutes, r.times.cook_minutes), (Some(45), Some(25)));
    assert_eq!(meta(&r, "total time"), Some("1 day"), "P1D is more than prep and cook: kept");
    assert_eq!(r.steps.len(), 1);
}

#[test]
fn bad_inputs_are_refused_naming_the_file_and_the_field_or_line() {
    let err = |name: &str| import(name).unwrap_err().to_string();
    assert_eq!(err("no-recipe.html"), "no-recipe.html: no schema.org Recipe found in 2 JSON-LD blocks");
    assert!(err("no-script.html").starts_with("no-script.html: no JSON-LD script"), "{}", err("no-script.html"));
    assert_eq!(err("invalid.json"), "invalid.json:4:32: invalid JSON: trailing comma");
    assert_eq!(err("no-name.json"), "no-name.json: the schema.org Recipe has no \"name\"");
    assert_eq!(
        err("no-ingredients.json"),
        "no-ingredients.json: the schema.org Recipe \"Air Soup\" has no ingredients (\"recipeIngredient\")"
    );
    assert!(err("bad-duration.json").starts_with("bad-duration.json: \"cookTime\": \"forever\" is not an ISO 8601 duration"));
}

#[test]
fn every_sample_page_round_trips_through_the_export() {
    let (files, errors) = collect_files(&[data("")]);
    assert!(errors.is_empty());
    assert_eq!(files.len(), 12, "{files:?}");
    let mut good = 0;
    for f in files {
        let Ok(r) = import(f.file_name().unwrap().to_str().unwrap()) else { continue };
        good += 1;
        let back = SourceFormat::JsonLd.parse("export.json", &recipe_jsonld(&r).to_string()).unwrap();
        assert_eq!((&back.title, back.servings, back.times), (&r.title, r.servings, r.times), "{f:?}");
        assert_eq!(lines(&back), lines(&r), "{f:?}");
        assert_eq!(back.steps, r.steps, "{f:?}");
        assert_eq!((&back.tags, &back.meals, &back.notes), (&r.tags, &r.meals, &r.notes), "{f:?}");
        assert_eq!(back.metadata, r.metadata, "{f:?}");
    }
    assert_eq!(good, 6);
}
