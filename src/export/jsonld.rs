//! A recipe as schema.org/Recipe JSON-LD, for other apps and pages. Importing the output
//! (`import::parse_jsonld`) gives the same recipe back: title, servings, times, ingredient lines,
//! steps and their sections, notes, meals and tags.

use crate::import::jsonld::{format_iso_duration, meals_of, FERMENT_TIME};
use crate::model::{parse_minutes, Recipe};
use serde_json::{json, Map, Value};

/// The recipe as a schema.org Recipe object: `name`, `description`, `recipeYield`,
/// `prepTime`/`cookTime`/`totalTime` (ISO 8601), `recipeIngredient` (the cook's lines as
/// written), `recipeInstructions` (HowToStep, in HowToSection where the recipe has sections;
/// notes as HowToTip), `recipeCategory` (the meals), `recipeCuisine`, `keywords` (the tags),
/// `author`, `url` and `image` from the metadata. Fermentation time, which schema.org lacks, is
/// Gutsy's own `fermentTime` (and part of `totalTime`).
pub fn recipe_jsonld(recipe: &Recipe) -> Value {
    let meta = |k: &str| recipe.metadata.get(k).filter(|v| !v.trim().is_empty());
    let mut out = Map::new();
    out.insert("@context".into(), json!("https://schema.org"));
    out.insert("@type".into(), json!("Recipe"));
    out.insert("name".into(), json!(recipe.title));
    if let Some(d) = &recipe.description {
        out.insert("description".into(), json!(d));
    }
    // The yield as the cook's source wrote it, when it still says the recipe's servings.
    let yield_text = meta("yield").filter(|y| first_number(y) == Some(recipe.servings));
    out.insert("recipeYield".into(), json!(yield_text.cloned().unwrap_or_else(|| recipe.servings.to_string())));

    let t = &recipe.times;
    for (key, minutes) in [("prepTime", t.prep_minutes), ("cookTime", t.cook_minutes), (FERMENT_TIME, t.ferment_minutes)] {
        if let Some(m) = minutes {
            out.insert(key.into(), json!(format_iso_duration(m)));
        }
    }
    let sum = [t.prep_minutes, t.cook_minutes, t.ferment_minutes].iter().flatten().fold(0u32, |a, b| a.saturating_add(*b));
    let total = meta("total time").and_then(|s| parse_minutes(s).ok()).filter(|total| *total >= sum);
    if total.is_some() || sum > 0 {
        out.insert("totalTime".into(), json!(format_iso_duration(total.unwrap_or(sum))));
    }

    let lines: Vec<String> =
        recipe.ingredients.iter().map(|l| if l.input.trim().is_empty() { l.to_string() } else { l.input.clone() }).collect();
    out.insert("recipeIngredient".into(), json!(lines));
    out.insert("recipeInstructions".into(), Value::Array(instructions(recipe)));

    // The categories as the source wrote them while they still name the recipe's meals.
    let words = |c: &String| c.split(',').map(|w| w.trim().to_string()).filter(|w| !w.is_empty()).collect::<Vec<_>>();
    match meta("category") {
        Some(c) if meals_of(&words(c)) == recipe.meals => {
            out.insert("recipeCategory".into(), json!(c));
        }
        _ if !recipe.meals.is_empty() => {
            out.insert("recipeCategory".into(), json!(recipe.meals.iter().map(|m| m.as_str()).collect::<Vec<_>>()));
        }
        _ => {}
    }
    if let Some(c) = meta("cuisine") {
        out.insert("recipeCuisine".into(), json!(c));
    }
    if !recipe.tags.is_empty() {
        // A comma-separated text, as most pages write it, unless a tag holds a comma.
        let keywords = if recipe.tags.iter().any(|t| t.contains(',')) { json!(recipe.tags) } else { json!(recipe.tags.join(", ")) };
        out.insert("keywords".into(), keywords);
    }
    if let Some(a) = meta("author") {
        out.insert("author".into(), json!({"@type": "Person", "name": a}));
    }
    if let Some(u) = meta("url").or(recipe.source.as_ref().filter(|s| s.starts_with("http://") || s.starts_with("https://"))) {
        out.insert("url".into(), json!(u));
    }
    if let Some(i) = meta("image") {
        out.insert("image".into(), json!(i));
    }
    Value::Object(out)
}

fn first_number(text: &str) -> Option<u32> {
    let digits: String = text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Steps as HowToStep objects, a run of steps in one section as a HowToSection; notes last, as
/// HowToTip objects.
fn instructions(recipe: &Recipe) -> Vec<Value> {
    let step = |text: &str| json!({"@type": "HowToStep", "text": text});
    let mut out: Vec<Value> = Vec::new();
    let mut i = 0;
    while i < recipe.steps.len() {
        let section = &recipe.steps[i].section;
        let run = recipe.steps[i..].iter().take_while(|s| &s.section == section).count().max(1);
        let steps: Vec<Value> = recipe.steps[i..i + run].iter().map(|s| step(&s.text)).collect();
        match section {
            Some(name) => out.push(json!({"@type": "HowToSection", "name": name, "itemListElement": steps})),
            None => out.extend(steps),
        }
        i += run;
    }
    out.extend(recipe.notes.iter().map(|n| json!({"@type": "HowToTip", "text": n})));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{parse_cook, parse_jsonld};

    const SOUP: &str = "---\ntitle: Leek & Potato Soup\ndescription: Silky and mild.\nservings: 4\nmeal: [lunch, dinner]\nprep time: 15 min\ncook time: 1 h 30 min\nferment time: 2 days\ntags: [soup, winter, \"quick, easy\"]\nauthor: Asha\ncuisine: Welsh\n---\n== Base ==\nSoften @leeks{2}(sliced) in @butter{30%g}.\n\nAdd @potatoes{500%g} and @water{1%l}; simmer.\n\n== Finish ==\nBlend with @?crème fraîche{2%tbsp}.\n\n> Freezes well.\n";

    #[test]
    fn the_export_imports_as_the_same_recipe() {
        let mut r = parse_cook("soup.cook", SOUP).unwrap();
        r.metadata.insert("image".into(), "https://example.org/soup.jpg".into());
        let doc = recipe_jsonld(&r);
        assert_eq!(doc["@type"], "Recipe");
        assert_eq!(doc["cookTime"], "PT1H30M");
        assert_eq!(doc["totalTime"], "P2DT1H45M");
        assert_eq!(doc["recipeCategory"], json!(["lunch", "dinner"]));
        assert_eq!(doc["recipeInstructions"][0]["@type"], "HowToSection");
        assert_eq!(doc["author"]["name"], "Asha");
        let back = parse_jsonld("soup.json", &doc.to_string()).unwrap();
        assert_eq!(back.title, r.title);
        assert_eq!(back.description, r.description);
        assert_eq!(back.servings, r.servings);
        assert_eq!(back.times, r.times);
        assert_eq!(back.meals, r.meals);
        let lines = |r: &Recipe| r.ingredients.iter().map(|l| l.input.clone()).collect::<Vec<_>>();
        assert_eq!(lines(&back), lines(&r));
        assert!(back.ingredients[4].optional, "optional lines stay optional");
        assert_eq!(back.steps, r.steps);
        assert_eq!(back.notes, r.notes);
        assert_eq!(back.tags, r.tags);
        assert_eq!(back.metadata.get("cuisine").map(String::as_str), Some("Welsh"));
        assert_eq!(back.metadata.get("author").map(String::as_str), Some("Asha"));
        assert_eq!(back.metadata.get("image").map(String::as_str), Some("https://example.org/soup.jpg"));
        // A second round changes nothing.
        let again = parse_jsonld("soup.json", &recipe_jsonld(&back).to_string()).unwrap();
        assert_eq!(again, back);
    }

    #[test]
    fn a_bare_recipe_exports_only_what_it_has() {
        let r = parse_cook("x.cook", "Boil @water{1%l}.\n").unwrap();
        let doc = recipe_jsonld(&r);
        assert_eq!(doc["recipeYield"], "1");
        for key in ["prepTime", "cookTime", "totalTime", "keywords", "author", "recipeCategory", "description"] {
            assert!(doc.get(key).is_none(), "{key}");
        }
        let back = parse_jsonld("x.json", &doc.to_string()).unwrap();
        assert_eq!((back.title, back.servings, back.steps), (r.title, r.servings, r.steps));
    }
}
