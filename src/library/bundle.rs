//! The bundled recipes, embedded in the binary.

use crate::store::content_hash;
use include_dir::{include_dir, Dir};

static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/recipes");

/// The bundled `.cook` files as (key, text), sorted by key (`recipes/x.cook`).
pub fn bundled_files() -> Vec<(String, &'static str)> {
    let mut files: Vec<(String, &'static str)> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "cook"))
        .filter_map(|f| Some((format!("recipes/{}", f.path().display()), f.contents_utf8()?)))
        .collect();
    files.sort();
    files
}

/// Changes whenever any bundled file changes, so a new release refreshes the bundled recipes.
/// (A changed model re-derives every recipe anyway: see `store::model_version`.)
pub fn bundled_fingerprint() -> String {
    let mut all = String::new();
    for (key, text) in bundled_files() {
        all.push_str(&key);
        all.push('\0');
        all.push_str(&content_hash(text));
        all.push('\0');
    }
    content_hash(&all)
}
