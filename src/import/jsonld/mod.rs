//! schema.org/Recipe → [`Recipe`], offline: a saved web page (`.html`, its
//! `<script type="application/ld+json">` blocks) or a JSON-LD document (`.json`, `.jsonld`).
//!
//! `find.rs` locates the first Recipe (top-level object, array, `@graph`, `mainEntity`, `@type`
//! as a string or an array), `recipe.rs` maps its properties onto the model through the same
//! ingredient-line parser and course words as Cooklang, `text.rs` turns HTML inside text
//! fields into plain text, `duration.rs` reads and writes ISO 8601 durations. Pure; bounded
//! (nesting is followed at most [`MAX_DEPTH`] deep, without recursion where a document sets
//! the depth); every error names the file and the line or the JSON property.

mod duration;
mod find;
mod recipe;
mod text;

pub use duration::{format_iso_duration, parse_iso_duration};
pub use find::MAX_DEPTH;
pub use recipe::{images, meals_of, FERMENT_TIME};

use super::{check_size, ImportError};
use crate::model::Recipe;

/// Parses the first schema.org Recipe in `text`, a JSON document (it starts with `{` or `[`)
/// or an HTML page. `label` names the source in errors.
pub fn parse_jsonld(label: &str, text: &str) -> Result<Recipe, ImportError> {
    parse_jsonld_with_images(label, text).map(|(recipe, _)| recipe)
}

/// [`parse_jsonld`], and the Recipe's `image` references in order (URLs, paths relative to the
/// page, `data:` URIs) for [`crate::import::find_photo`].
pub fn parse_jsonld_with_images(label: &str, text: &str) -> Result<(Recipe, Vec<String>), ImportError> {
    check_size(label, text)?;
    let object = find::find_recipe(label, text)?;
    let recipe = recipe::to_recipe(label, &object)?;
    Ok((recipe, recipe::images(&object)))
}

/// Whether pasted text is JSON-LD: a JSON object or array, or an HTML page.
pub(crate) fn looks_like_jsonld(text: &str) -> bool {
    find::is_json(text) || find::is_html(text)
}
