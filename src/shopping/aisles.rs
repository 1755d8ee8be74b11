//! Aisle order: the cook's own, from Cooklang's `aisle.conf` (`[aisle]` headings, one food per
//! line, `|` between names of one food; parsed and written by the cooklang crate), then the
//! catalog's aisles for every food the file does not place, then "Other" for unknown foods.

use super::merge::Item;
use crate::catalog::Catalog;

/// An aisle file that cannot be read, with the line at fault.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{file}:{line}: {message}")]
pub struct AisleError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The cook's aisles in order, each with the keys (catalog food ids or lower-case names) it holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aisles {
    pub aisles: Vec<(String, Vec<String>)>,
}

fn key_of(catalog: &Catalog, name: &str) -> String {
    catalog.find_food(name).map_or_else(|| name.trim().to_lowercase(), |i| catalog.food(i).id.clone())
}

/// Reads `aisle.conf` text (`file` names it in errors).
pub fn parse_aisles(catalog: &Catalog, text: &str, file: &str) -> Result<Aisles, AisleError> {
    let conf = cooklang::aisle::parse(text).map_err(|e| {
        use cooklang::aisle::AisleConfError as E;
        let at = match &e {
            E::Parse { span, .. } => span.start(),
            E::DuplicateCategory { second_span, .. } | E::DuplicateIngredient { second_span, .. } => second_span.start(),
        };
        AisleError { file: file.to_string(), line: text[..at.min(text.len())].matches('\n').count() + 1, message: e.to_string() }
    })?;
    Ok(Aisles {
        aisles: conf
            .categories
            .iter()
            .map(|c| (c.name.to_string(), c.ingredients.iter().flat_map(|i| i.names.iter().map(|n| key_of(catalog, n))).collect()))
            .collect(),
    })
}

/// The catalog's aisles as an `aisle.conf` the cook can edit: every food under its aisle.
pub fn catalog_aisle_conf(catalog: &Catalog) -> String {
    let mut out = String::from("// Shop aisles in the order you walk them; move foods or aisles to match your shop.\n\n");
    for aisle in catalog.aisles() {
        out.push_str(&format!("[{}]\n", aisle.name));
        for f in catalog.foods().iter().filter(|f| f.aisle == aisle.id) {
            out.push_str(&f.name);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Where an item goes: (order, aisle name). The cook's aisles first, then the catalog's.
pub fn place(catalog: &Catalog, aisles: &Aisles, item: &Item) -> (usize, String) {
    if let Some(i) = aisles.aisles.iter().position(|(_, keys)| keys.contains(&item.key)) {
        return (i, aisles.aisles[i].0.clone());
    }
    let offset = aisles.aisles.len();
    match item.aisle.as_deref().and_then(|id| catalog.aisles().iter().position(|a| a.id == id)) {
        Some(i) => {
            let name = &catalog.aisles()[i].name;
            // A cook's aisle of the same name gathers the catalog's too.
            match aisles.aisles.iter().position(|(n, _)| n.eq_ignore_ascii_case(name)) {
                Some(j) => (j, aisles.aisles[j].0.clone()),
                None => (offset + i, name.clone()),
            }
        }
        None => (offset + catalog.aisles().len(), "Other".to_string()),
    }
}
