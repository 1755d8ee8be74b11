//! The recipe editor's live check: the text parsed exactly as saving would parse it, with what
//! each ingredient line matched in the catalog, so the cook sees unknown and partly matched
//! foods (and the triggers a line brings) while typing, before anything is stored.

use crate::catalog::Catalog;
use crate::diet::{Attribute, Trigger};
use crate::facts::recipe_facts;
use crate::import::{ImportError, Source, SourceFormat};
use crate::model::{capitalized, join_words, Recipe};
use crate::store::{Store, StoreError};
use serde::Serialize;

/// What the editor shows under the text.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecipeCheck {
    /// Why the text cannot be saved as it is, if it cannot.
    pub error: Option<CheckError>,
    pub title: Option<String>,
    pub ingredients: Vec<LineCheck>,
    /// The recipe's triggers and gut attributes, as the library will derive them.
    pub triggers: Vec<Trigger>,
    pub attributes: Vec<Attribute>,
    /// "6 ingredients: 5 known, 1 unknown." (or the error in words).
    pub summary: String,
}

/// A parse error at a line of the text (1-based), when the parser names one.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CheckError {
    pub line: Option<usize>,
    pub message: String,
}

/// How well an ingredient line matched the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LineStatus {
    Known,
    /// A food matched only part of a longer product name: worth a look.
    Partial,
    /// No catalog food: its triggers and fiber are unknown.
    Unknown,
}

/// One ingredient line as the library reads it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LineCheck {
    /// The line as the recipe gives it ("2 tbsp soy sauce").
    pub text: String,
    pub food_name: Option<String>,
    pub triggers: Vec<Trigger>,
    pub status: LineStatus,
    pub optional: bool,
    /// One sentence for the cook: what was matched and what it brings.
    pub note: String,
}

/// Checks Cooklang `text` as the editor's Save would store it.
pub fn check_recipe(catalog: &Catalog, text: &str) -> RecipeCheck {
    let recipe = match SourceFormat::Cooklang.parse("recipe", text) {
        Ok(r) => r,
        Err(e) => {
            let error = check_error(&e);
            let summary = match error.line {
                Some(l) => format!("Line {l}: {}", error.message),
                None => error.message.clone(),
            };
            return RecipeCheck {
                error: Some(error),
                title: None,
                ingredients: Vec::new(),
                triggers: Vec::new(),
                attributes: Vec::new(),
                summary,
            };
        }
    };
    let facts = recipe_facts(catalog, &recipe);
    let ingredients: Vec<LineCheck> = recipe
        .ingredients
        .iter()
        .map(|line| {
            let ex = catalog.explain_line(line);
            let status = match (&ex.food, ex.partial) {
                (None, _) => LineStatus::Unknown,
                (Some(_), true) => LineStatus::Partial,
                (Some(_), false) => LineStatus::Known,
            };
            LineCheck {
                text: line.input.clone(),
                note: line_note(&line.name, ex.food_name.as_deref(), &ex.triggers, status, line.optional),
                food_name: ex.food_name,
                triggers: ex.triggers,
                status,
                optional: line.optional,
            }
        })
        .collect();
    let count = |s: LineStatus| ingredients.iter().filter(|l| l.status == s).count();
    let mut parts = vec![format!("{} known", count(LineStatus::Known))];
    if count(LineStatus::Partial) > 0 {
        parts.push(format!("{} partly matched", count(LineStatus::Partial)));
    }
    if count(LineStatus::Unknown) > 0 {
        parts.push(format!("{} unknown", count(LineStatus::Unknown)));
    }
    let summary = match ingredients.len() {
        0 => "No ingredients yet: mark them with @, as in @kale{200%g}.".to_string(),
        1 => format!("1 ingredient: {}.", join_words(&parts)),
        n => format!("{n} ingredients: {}.", join_words(&parts)),
    };
    RecipeCheck { error: None, title: Some(recipe.title), ingredients, triggers: facts.triggers, attributes: facts.attributes, summary }
}

/// The text the editor opens for stored recipe `key` (id or slug): its Cooklang source as it
/// is, or a recipe imported in another format (a saved web page) written as Cooklang.
pub fn editable_text(store: &Store, key: &str) -> Result<String, StoreError> {
    match store.source(key)? {
        Some((SourceFormat::Cooklang, text)) => Ok(text),
        Some(_) => {
            let recipe = store.recipe(key)?.ok_or_else(|| StoreError::NotFound(key.to_string()))?;
            Ok(crate::export::cook::write_cooklang(&recipe))
        }
        None => Err(StoreError::NotFound(key.to_string())),
    }
}

/// Saves the editor's Cooklang text: as a new recipe (`key` `None`), or over recipe `key`,
/// which keeps its id (plans still find it). Nothing is written if the text does not parse.
pub fn save_recipe_text(store: &mut Store, key: Option<&str>, text: &str) -> Result<Recipe, StoreError> {
    match key {
        Some(key) => store.update_text(key, text),
        None => {
            let source = Source { format: SourceFormat::Cooklang, label: "new recipe".into(), text: text.to_string(), path: None };
            Ok(store.import(&source)?.recipe)
        }
    }
}

/// The sentence under a line.
fn line_note(name: &str, food: Option<&str>, triggers: &[Trigger], status: LineStatus, optional: bool) -> String {
    let brings = if triggers.is_empty() {
        String::new()
    } else {
        let words: Vec<String> = triggers.iter().map(|t| t.as_str().to_string()).collect();
        format!(": contains {}", join_words(&words))
    };
    let mut note = match (status, food) {
        (LineStatus::Unknown, _) | (_, None) => format!("“{name}” is not in the catalog, so Gutsy cannot tell its triggers or fiber."),
        (LineStatus::Partial, Some(f)) => format!("Read as {f} from part of the name{brings}. Check it is right."),
        (LineStatus::Known, Some(f)) => format!("{}{brings}.", capitalized(f)),
    };
    if optional {
        note.push_str(" Optional: it never excludes the recipe.");
    }
    note
}

/// The parser's message without the file label, and its line.
fn check_error(e: &ImportError) -> CheckError {
    match e {
        ImportError::Syntax { line, message, .. } | ImportError::Metadata { line, message, .. } => {
            CheckError { line: Some(*line), message: message.clone() }
        }
        ImportError::LineTooLong { line, len, max, .. } => {
            CheckError { line: Some(*line), message: format!("the line is {len} characters long; the limit is {max}") }
        }
        ImportError::Invalid { message, .. } => CheckError { line: None, message: message.clone() },
        other => CheckError { line: None, message: other.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> RecipeCheck {
        check_recipe(Catalog::bundled(), text)
    }

    #[test]
    fn each_line_says_what_it_matched_and_brings() {
        let c =
            check("---\ntitle: Stir fry\nservings: 2\n---\nFry @tofu{200%g} with @soy sauce{2%tbsp}, @zorblax{1} and @?honey{1%tsp}.\n");
        assert_eq!(c.error, None);
        assert_eq!(c.title.as_deref(), Some("Stir fry"));
        let by = |name: &str| c.ingredients.iter().find(|l| l.text.contains(name)).unwrap_or_else(|| panic!("{name}: {:?}", c.ingredients));
        let soy = by("soy sauce");
        assert_eq!(soy.status, LineStatus::Known);
        assert!(soy.triggers.contains(&Trigger::Gluten), "{soy:?}");
        assert!(soy.note.starts_with("Soy sauce: contains") && soy.note.contains("gluten"), "{}", soy.note);
        let unknown = by("zorblax");
        assert_eq!(unknown.status, LineStatus::Unknown);
        assert!(unknown.note.contains("not in the catalog"), "{}", unknown.note);
        let honey = by("honey");
        assert!(honey.optional && honey.triggers.contains(&Trigger::Sugar) && honey.note.contains("Optional"), "{honey:?}");
        // The recipe's own triggers leave the optional honey out, as the library does.
        assert!(c.triggers.contains(&Trigger::Gluten) && !c.triggers.contains(&Trigger::Sugar), "{:?}", c.triggers);
        assert!(c.summary.starts_with("4 ingredients") && c.summary.contains("1 unknown"), "{}", c.summary);
    }

    #[test]
    fn a_part_of_a_product_name_is_flagged_and_a_bad_text_names_its_line() {
        let c = check("Boil @spinach tortellini{1%pack}; serve with @zucchini bread batter{1%cup}.\n");
        assert_eq!(c.error, None);
        for line in &c.ingredients {
            assert_eq!(line.status, LineStatus::Partial, "{line:?}");
            assert!(line.note.contains("part of the name"), "{}", line.note);
        }

        let bad = check("---\ntitle: T\nservings: lots\n---\nMix @kale{1}.\n");
        let err = bad.error.expect("an error");
        assert!(err.line.is_some(), "{err:?}");
        assert!(bad.summary.starts_with("Line "), "{}", bad.summary);
        assert!(bad.ingredients.is_empty());
    }

    #[test]
    fn saving_creates_then_updates_the_same_recipe() {
        let mut store = Store::open_in_memory().unwrap();
        let new = save_recipe_text(&mut store, None, "---\ntitle: Kraut\nservings: 4\n---\nSalt @cabbage{1%kg}.\n").unwrap();
        assert!(!new.id.is_empty());
        let text = editable_text(&store, &new.id).unwrap();
        assert!(text.contains("@cabbage"), "{text}");
        let edited = save_recipe_text(&mut store, Some(&new.id), &text.replace("Kraut", "Red kraut")).unwrap();
        assert_eq!((edited.id.as_str(), edited.title.as_str()), (new.id.as_str(), "Red kraut"));
        assert_eq!(store.count().unwrap(), 1);
        // A text that does not parse changes nothing.
        assert!(save_recipe_text(&mut store, Some(&new.id), "---\ntitle: X\nservings: lots\n---\n").is_err());
        assert_eq!(store.recipe(&new.id).unwrap().unwrap().title, "Red kraut");
        assert!(matches!(editable_text(&store, "nope"), Err(StoreError::NotFound(_))));

        // A recipe from a saved page opens as Cooklang, checks clean, and saves as Cooklang.
        let ld = r#"{"@type": "Recipe", "name": "Beet Kvass", "recipeYield": "4", "recipeIngredient": ["3 beets", "1 tbsp salt"],
            "recipeInstructions": "Cover the beets with salted water."}"#;
        let kvass = store.import_text("page", ld).unwrap().recipe;
        let text = editable_text(&store, &kvass.id).unwrap();
        let check = check_recipe(Catalog::bundled(), &text);
        assert_eq!((check.error, check.title.as_deref(), check.ingredients.len()), (None, Some("Beet Kvass"), 2), "{text}");
        let saved = save_recipe_text(&mut store, Some(&kvass.id), &text).unwrap();
        assert_eq!((saved.id, saved.ingredients.len()), (kvass.id.clone(), 2));
        assert_eq!(store.source(&kvass.id).unwrap().map(|s| s.0), Some(SourceFormat::Cooklang));
    }

    #[test]
    fn an_empty_recipe_says_how_to_mark_ingredients() {
        let c = check("Boil water.\n");
        assert!(c.ingredients.is_empty() && c.summary.contains('@'), "{c:?}");
    }
}
