//! A schema.org Recipe object → [`Recipe`]: the same model, and the same ingredient-line parser
//! and course → meal words, as the Cooklang importer.

use super::super::ImportError;
use super::duration::parse_iso_duration;
use super::find::MAX_DEPTH;
use super::text::{first_text, line, paragraphs, texts, word_list};
use crate::ingredients::{parse_line, IngredientLine};
use crate::model::{format_minutes, parse_minutes, slugify, MealType, Recipe, Step, Times};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Gutsy's own property for fermentation time (schema.org has none): written by the export,
/// read back here, ignored by everyone else.
pub const FERMENT_TIME: &str = "fermentTime";

/// Reads a Recipe object; `label` names the source in errors.
pub fn to_recipe(label: &str, r: &Map<String, Value>) -> Result<Recipe, ImportError> {
    let invalid = |message: String| ImportError::Invalid { path: label.to_string(), message };
    let title = first_text(r.get("name")).ok_or_else(|| invalid("the schema.org Recipe has no \"name\"".into()))?;

    let ingredients: Vec<IngredientLine> =
        ["recipeIngredient", "ingredients"].iter().filter_map(|k| r.get(*k)).flat_map(ingredient_texts).map(|l| parse_line(&l)).collect();
    if ingredients.is_empty() {
        return Err(invalid(format!("the schema.org Recipe {title:?} has no ingredients (\"recipeIngredient\")")));
    }

    let mut metadata = BTreeMap::new();
    let (servings, yield_text) = servings(r.get("recipeYield").or_else(|| r.get("yield")));
    if let Some(y) = yield_text {
        metadata.insert("yield".to_string(), y);
    }

    let time = |key: &str| -> Result<Option<u32>, ImportError> {
        let Some(text) = first_text(r.get(key)) else { return Ok(None) };
        // Some pages write "1 hour 30 minutes" where ISO 8601 belongs.
        parse_iso_duration(&text).or_else(|e| parse_minutes(&text).map_err(|_| e)).map(Some).map_err(|e| invalid(format!("{key:?}: {e}")))
    };
    let prep = time("prepTime")?;
    let ferment = time(FERMENT_TIME)?;
    let total = time("totalTime")?;
    let cook = match (time("cookTime")?, time("performTime")?, total) {
        (Some(c), _, _) | (None, Some(c), _) => Some(c),
        // Only a total: what prep (and fermenting) leave of it is cooking.
        (None, None, Some(t)) => Some(t.saturating_sub(prep.unwrap_or(0)).saturating_sub(ferment.unwrap_or(0))).filter(|c| *c > 0),
        _ => None,
    };
    let times = Times { prep_minutes: prep, cook_minutes: cook, ferment_minutes: ferment };
    if let Some(t) = total {
        let sum = [prep, cook, ferment].iter().flatten().fold(0u32, |a, b| a.saturating_add(*b));
        if t != sum {
            metadata.insert("total time".to_string(), format_minutes(t));
        }
    }

    // Categories name meals where they can ("Dinner", "Main course"); categories and cuisines
    // are kept as written in the metadata (as Cooklang's `course` and `cuisine` are), and the
    // keywords are the recipe's tags (never trusted for facts).
    let categories = word_list(r.get("recipeCategory"));
    let cuisines = word_list(r.get("recipeCuisine"));
    let meals = meals_of(&categories);
    let tags = word_list(r.get("keywords"));
    for (key, words) in [("category", &categories), ("cuisine", &cuisines)] {
        if !words.is_empty() {
            metadata.insert(key.to_string(), words.join(", "));
        }
    }

    let authors = r.get("author").map(texts).unwrap_or_default();
    if !authors.is_empty() {
        metadata.insert("author".to_string(), authors.join(", "));
    }
    let url = first_text(r.get("url")).filter(|u| !u.is_empty());
    if let Some(u) = &url {
        metadata.insert("url".to_string(), u.clone());
    }
    // The first image with an address (a `data:` URI is the photo itself: kept as the photo,
    // never as megabytes of text in the metadata).
    if let Some(image) = images(r).into_iter().find(|i| !is_data_uri(i)) {
        metadata.insert("image".to_string(), image);
    }

    let mut steps = Vec::new();
    let mut notes = Vec::new();
    if let Some(instructions) = r.get("recipeInstructions") {
        instructions_into(instructions, None, 0, &mut steps, &mut notes);
    }

    Ok(Recipe {
        id: String::new(),
        slug: slugify(&title),
        title,
        description: first_text(r.get("description")),
        servings,
        times,
        meals,
        ingredients,
        steps,
        notes,
        source: url,
        tags,
        metadata,
    })
}

/// The meals `recipeCategory` words name, in order, once each ([`MealType::from_course`]).
pub fn meals_of(categories: &[String]) -> Vec<MealType> {
    let mut meals: Vec<MealType> = Vec::new();
    for m in categories.iter().flat_map(|c| MealType::from_course(c)) {
        if !meals.contains(&m) {
            meals.push(m);
        }
    }
    meals
}

/// The ingredient lines of `recipeIngredient`: an array of strings, or one string of lines.
fn ingredient_texts(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => paragraphs(s),
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(line).filter(|l| !l.is_empty()).collect(),
        _ => Vec::new(),
    }
}

/// Servings from `recipeYield` ("4 servings", "Makes 12", ["4", "4 servings"], 4, "4-6"): the
/// first number. A yield that says more than its number ("Makes 12", "2 loaves") is kept as
/// text. No number (or none from 1 to 1000) is one serving, the yield kept as text.
fn servings(value: Option<&Value>) -> (u32, Option<String>) {
    let all = value.map(texts).unwrap_or_default();
    let number = |t: &str| -> Option<u32> {
        let digits: String = t.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let n = all.iter().find_map(|t| number(t)).filter(|n| (1..=1000).contains(n));
    let plain = |t: &str| {
        let lower = t.to_lowercase();
        let words = lower.trim_end_matches("servings").trim_end_matches("serving").trim();
        words.chars().all(|c| c.is_ascii_digit())
    };
    let text = match n {
        Some(_) => all.iter().find(|t| !plain(t)).cloned(),
        None => all.first().cloned(),
    };
    (n.unwrap_or(1), text)
}

/// How many of a Recipe's images are looked at.
const MAX_IMAGES: usize = 16;

/// The Recipe's `image` references in order (URLs, relative paths, `data:` URIs): a string, an
/// ImageObject's `url` (or `contentUrl`, `@id`), or each of an array.
pub fn images(r: &Map<String, Value>) -> Vec<String> {
    let one = |v: &Value| -> Option<String> {
        let s = match v {
            Value::String(s) => s.trim().to_string(),
            Value::Object(m) => ["url", "contentUrl", "@id"].iter().find_map(|k| m.get(*k).and_then(Value::as_str))?.trim().to_string(),
            _ => return None,
        };
        (!s.is_empty()).then_some(s)
    };
    match r.get("image") {
        Some(Value::Array(items)) => items.iter().filter_map(one).take(MAX_IMAGES).collect(),
        Some(other) => one(other).into_iter().collect(),
        None => Vec::new(),
    }
}

fn is_data_uri(s: &str) -> bool {
    s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:"))
}

/// Steps (and tips, as notes) from `recipeInstructions`: a string of lines or paragraphs, an
/// array of strings, HowToStep objects (`text`, else `name`), HowToSection objects (`name` and
/// `itemListElement`, their steps in that section) and HowToTip objects. Sections nest at most
/// [`MAX_DEPTH`] deep; a step keeps its nearest section's name.
fn instructions_into(value: &Value, section: Option<&str>, depth: usize, steps: &mut Vec<Step>, notes: &mut Vec<String>) {
    if depth > MAX_DEPTH {
        return;
    }
    let mut add = |text: &str| {
        for p in paragraphs(text) {
            steps.push(Step { section: section.map(str::to_string), text: p });
        }
    };
    match value {
        Value::String(s) => add(s),
        Value::Array(items) => {
            for item in items {
                instructions_into(item, section, depth + 1, steps, notes);
            }
        }
        Value::Object(m) => {
            let types = m.get("@type").map(texts).unwrap_or_default();
            let is = |t: &str| types.iter().any(|x| x.eq_ignore_ascii_case(t));
            if let Some(items) = m.get("itemListElement") {
                // A HowToSection (or any list of steps): its name is the steps' section.
                let name = first_text(m.get("name"));
                instructions_into(items, name.as_deref().or(section), depth + 1, steps, notes);
            } else if is("HowToTip") {
                let text = m.get("text").or_else(|| m.get("name"));
                notes.extend(text.and_then(Value::as_str).map(paragraphs).unwrap_or_default());
            } else if let Some(text) = m.get("text").or_else(|| m.get("name")).and_then(Value::as_str) {
                add(text);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yields() {
        let s = |v: Value| servings(Some(&v));
        assert_eq!(s(json!("4 servings")), (4, None));
        assert_eq!(s(json!("Makes 12")), (12, Some("Makes 12".into())));
        assert_eq!(s(json!(["4", "4 servings"])), (4, None));
        assert_eq!(s(json!(["6", "6 bowls"])), (6, Some("6 bowls".into())));
        assert_eq!(s(json!(4)), (4, None));
        assert_eq!(s(json!("4-6")), (4, Some("4-6".into())));
        assert_eq!(s(json!("one loaf")), (1, Some("one loaf".into())));
        assert_eq!(s(json!("0")), (1, Some("0".into())));
        assert_eq!(s(json!("99999999999999999999 cookies")), (1, Some("99999999999999999999 cookies".into())));
        assert_eq!(servings(None), (1, None));
    }

    #[test]
    fn images_in_order() {
        let i = |v: Value| images(json!({"image": v}).as_object().unwrap());
        assert_eq!(i(json!("https://x/a.jpg")), ["https://x/a.jpg"]);
        assert_eq!(i(json!({"@type": "ImageObject", "url": "https://x/b.jpg"})), ["https://x/b.jpg"]);
        assert_eq!(i(json!([{"contentUrl": "c.jpg"}, "d.jpg"])), ["c.jpg", "d.jpg"]);
        assert!(i(json!([null, " "])).is_empty());
        let r = json!({"@type": "Recipe", "name": "P", "recipeIngredient": ["1 egg"], "image": ["data:image/png;base64,AAAA", "p.jpg"]});
        let recipe = to_recipe("p.json", r.as_object().unwrap()).unwrap();
        assert_eq!(recipe.metadata.get("image").map(String::as_str), Some("p.jpg"), "a data: URI is not kept as text");
    }

    #[test]
    fn instructions_of_every_shape() {
        let steps = |v: Value| {
            let (mut steps, mut notes) = (Vec::new(), Vec::new());
            instructions_into(&v, None, 0, &mut steps, &mut notes);
            (steps.into_iter().map(|s| (s.section, s.text)).collect::<Vec<_>>(), notes)
        };
        let plain = |t: &[&str]| t.iter().map(|t| (None, t.to_string())).collect::<Vec<_>>();
        assert_eq!(steps(json!("Boil.\nDrain.\n\n")).0, plain(&["Boil.", "Drain."]));
        assert_eq!(steps(json!("<p>Boil &amp; salt.</p><p>Drain.</p>")).0, plain(&["Boil & salt.", "Drain."]));
        assert_eq!(steps(json!(["Boil.", "Drain."])).0, plain(&["Boil.", "Drain."]));
        assert_eq!(
            steps(json!([{"@type": "HowToStep", "text": "Boil."}, {"@type": "HowToStep", "name": "Drain."}, {"@type": "HowToStep"}])).0,
            plain(&["Boil.", "Drain."])
        );
        let (s, notes) = steps(json!([
            {"@type": "HowToSection", "name": "Dough", "itemListElement": [{"@type": "HowToStep", "text": "Knead."}]},
            {"@type": "HowToSection", "name": "Filling", "itemListElement": [
                {"@type": "HowToStep", "text": "Chop."},
                {"@type": "HowToTip", "text": "Use a sharp knife."}
            ]}
        ]));
        assert_eq!(s, vec![(Some("Dough".into()), "Knead.".into()), (Some("Filling".into()), "Chop.".into())]);
        assert_eq!(notes, vec!["Use a sharp knife."]);
        let mut deep = json!("Too deep.");
        for _ in 0..100 {
            deep = json!([deep]);
        }
        assert!(steps(deep).0.is_empty(), "nesting past the limit is ignored, not a stack overflow");
    }

    #[test]
    fn missing_name_or_ingredients_are_named() {
        let e = to_recipe("r.json", json!({"@type": "Recipe"}).as_object().unwrap()).unwrap_err();
        assert_eq!(e.to_string(), "r.json: the schema.org Recipe has no \"name\"");
        let e = to_recipe("r.json", json!({"@type": "Recipe", "name": "Soup", "recipeIngredient": []}).as_object().unwrap()).unwrap_err();
        assert_eq!(e.to_string(), "r.json: the schema.org Recipe \"Soup\" has no ingredients (\"recipeIngredient\")");
        let r = json!({"@type": "Recipe", "name": "Soup", "recipeIngredient": ["1 leek"], "cookTime": "soon"});
        let e = to_recipe("r.json", r.as_object().unwrap()).unwrap_err();
        assert!(e.to_string().starts_with("r.json: \"cookTime\": \"soon\" is not an ISO 8601 duration"), "{e}");
    }

    #[test]
    fn times_from_a_total_and_words() {
        let r = |v: Value| to_recipe("t.json", v.as_object().unwrap()).unwrap();
        let base = |extra: Value| {
            let mut m = json!({"@type": "Recipe", "name": "T", "recipeIngredient": ["1 egg"]});
            for (k, v) in extra.as_object().unwrap() {
                m[k] = v.clone();
            }
            m
        };
        let t = r(base(json!({"prepTime": "PT15M", "totalTime": "PT1H"})));
        assert_eq!((t.times.prep_minutes, t.times.cook_minutes), (Some(15), Some(45)));
        assert!(!t.metadata.contains_key("total time"));
        let t = r(base(json!({"prepTime": "PT15M", "cookTime": "PT30M", "totalTime": "PT2H"})));
        assert_eq!(t.metadata.get("total time").map(String::as_str), Some("2 h"), "resting time is kept as text");
        let t = r(base(json!({"cookTime": "1 hour 30 minutes", "prepTime": ""})));
        assert_eq!((t.times.prep_minutes, t.times.cook_minutes), (None, Some(90)));
    }
}
