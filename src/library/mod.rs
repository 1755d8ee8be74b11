//! The recipe library as the cook sees it: the store opened with the bundled recipes in it,
//! listing through filters, and a recipe scaled and worded for display. Sits above the store.

mod bundle;
mod editor;
mod plan;
mod settings;
mod shopping;
mod transfer;
mod view;
mod vocabulary;

pub use crate::card::{CardText, RecipeCard};
pub use crate::filter::{Filter, FilterError, FilterSpec};
pub use bundle::{bundled_files, bundled_fingerprint};
pub use editor::{check_recipe, editable_text, save_recipe_text, CheckError, LineCheck, LineStatus, RecipeCheck};
pub use plan::{
    duplicate_plan, generate_plan, lock_slot, move_slot, regenerate_plan, rename_plan, resolve_rules, set_servings, show_plan,
    swap_choices, swap_slot, NewPlan, PlanError, SwapChoice,
};
pub use settings::{save_settings, SaveSettingsError};
pub use shopping::{
    pantry_of, pantry_text, save_aisles, save_pantry, shopping_list, ListOptions, ListSource, MadeList, ShoppingError, AISLES_KEY,
    PANTRY_EXAMPLE, PANTRY_KEY,
};
pub use transfer::{
    export_recipes, import_pasted, import_paths, ExportError, ExportReport, ExportedFile, FileResult, ImportOutcome, ImportProgress,
    ImportReport,
};
pub use view::{recipe_view, IngredientView, RecipeView, ViewText};
pub use vocabulary::{
    attribute_label, meal_label, suggest_foods, trigger_label, vocabulary, Choice, FoodSuggestion, TimeChoice, Vocabulary,
};

use crate::import::ImportError;
use crate::store::{Store, StoreError};
use std::path::Path;

/// Opens the library at `path` (creating it if needed) and brings the bundled recipes up to
/// date. Returns the store and the problems worth a warning (bundled or stored recipes that no
/// longer parse; a test keeps the bundle clean).
pub fn open(path: &Path) -> Result<(Store, Vec<ImportError>), StoreError> {
    with_bundle(Store::open(path)?)
}

/// "Start a new library": moves the unreadable file at `path` aside (never deleted, see
/// [`crate::store::set_aside`]) so a fresh library can open there; the sentence telling the
/// cook where the old file went.
pub fn set_library_aside(path: &Path, now: chrono::NaiveDateTime) -> std::io::Result<String> {
    Ok(match crate::store::set_aside(path, now)? {
        Some(aside) => format!("Your old library file was kept as {}.", aside.display()),
        None => "A new library was started.".to_string(),
    })
}

/// A library in memory with the bundled recipes (tests, dry runs).
pub fn open_in_memory() -> Result<(Store, Vec<ImportError>), StoreError> {
    with_bundle(Store::open_in_memory()?)
}

fn with_bundle(mut store: Store) -> Result<(Store, Vec<ImportError>), StoreError> {
    let mut warnings = store.sync_bundle(&bundled_files(), &bundled_fingerprint()).map_err(|e| e.in_library(store.label()))?;
    warnings.extend(store.stale().iter().cloned());
    Ok((store, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_a_library_aside_says_where_the_old_file_went() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.db");
        let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).and_then(|d| d.and_hms_opt(9, 30, 0)).unwrap();
        assert_eq!(set_library_aside(&path, now).unwrap(), "A new library was started.");
        std::fs::write(&path, b"not a library").unwrap();
        let said = set_library_aside(&path, now).unwrap();
        let kept = dir.path().join("library.damaged-2026-12-08-093000.db");
        assert_eq!(said, format!("Your old library file was kept as {}.", kept.display()));
        assert_eq!(std::fs::read(kept).unwrap(), b"not a library");
        assert!(!path.exists());
    }
}
