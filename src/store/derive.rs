//! The derived rows of a recipe (parsed recipe, facts, card, foods, plants, lines, search text)
//! and the model version that says when they must be rebuilt. Pure, except for [`write`].

use crate::card::RecipeCard;
use crate::catalog::Catalog;
use crate::facts::{recipe_facts, RecipeFacts};
use crate::model::Recipe;
use rusqlite::{params, Connection};
use std::sync::OnceLock;

/// Identifies everything that decides derived data: the catalog, units, parsers and fact rules.
/// Computed from their text, so any change to them re-derives every stored recipe on the next
/// open — no version to bump by hand.
pub fn model_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let parts: [&str; 21] = [
            include_str!("../catalog/foods.toml"),
            include_str!("../catalog/qualifiers.toml"),
            include_str!("../catalog/aisles.toml"),
            include_str!("../data/units.toml"),
            include_str!("../catalog/matcher.rs"),
            include_str!("../catalog/normalize.rs"),
            include_str!("../ingredients/parse.rs"),
            include_str!("../ingredients/line.rs"),
            include_str!("../import/cook.rs"),
            include_str!("../import/jsonld/find.rs"),
            include_str!("../import/jsonld/recipe.rs"),
            include_str!("../import/jsonld/text.rs"),
            include_str!("../import/jsonld/duration.rs"),
            include_str!("../facts.rs"),
            include_str!("../facts/live.rs"),
            include_str!("../card.rs"),
            include_str!("../model.rs"),
            include_str!("derive.rs"),
            include_str!("../units.rs"),
            include_str!("../quantity.rs"),
            include_str!("../catalog/load.rs"),
        ];
        let mut h = Fnv::new();
        for p in parts {
            h.write(p.as_bytes());
            h.write(&[0]);
        }
        format!("{:016x}", h.finish())
    })
}

/// FNV-1a, 64 bit: tiny, stable across Rust versions and platforms (unlike `DefaultHasher`), and
/// enough to notice a changed file; no crate needed for it.
pub struct Fnv(u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    pub fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

/// Hash of a recipe's source text, its content identity.
pub fn content_hash(text: &str) -> String {
    let mut h = Fnv::new();
    h.write(text.as_bytes());
    format!("{:016x}{:08x}", h.finish(), text.len())
}

/// A bit set of a word enum (triggers, attributes, meals) for SQL filtering.
pub fn bits<T: Copy + PartialEq>(all: &[T], items: &[T]) -> i64 {
    all.iter().enumerate().filter(|(_, t)| items.contains(t)).fold(0, |acc, (i, _)| acc | (1 << i))
}

/// Writes (or rewrites) the derived rows of stored recipe `rowid`; `tx` is a transaction or savepoint.
pub fn write(tx: &Connection, catalog: &Catalog, rowid: i64, recipe: &Recipe) -> Result<RecipeFacts, super::StoreError> {
    let facts = recipe_facts(catalog, recipe);
    write_facts(tx, catalog, rowid, recipe, &facts)?;
    SearchRow::new(rowid, recipe).write(tx)?;
    Ok(facts)
}

/// [`write`] with the facts already derived (a batch import derives them on another thread),
/// except the search row: see [`SearchRow`].
pub fn write_facts(tx: &Connection, catalog: &Catalog, rowid: i64, recipe: &Recipe, facts: &RecipeFacts) -> Result<(), super::StoreError> {
    use crate::diet::{Attribute, Trigger};
    use crate::model::MealType;
    let mut card = RecipeCard::new(recipe, facts);
    // The photo is the cook's, not derived: the card only says whether there is one.
    card.has_photo =
        tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM recipe_photo WHERE recipe_id = ?1)")?.query_row([rowid], |r| r.get(0))?;
    let json =
        |v: Result<String, serde_json::Error>| v.map_err(|e| super::StoreError::Damaged { id: recipe.id.clone(), message: e.to_string() });
    let body = json(serde_json::to_string(recipe))?;
    let card_json = json(serde_json::to_string(&card))?;
    clear(tx, rowid)?;
    let has_time = recipe.times.prep_minutes.is_some() || recipe.times.cook_minutes.is_some();
    // Catalog indices are safe to store: the catalog is part of the model version, so a new
    // catalog re-derives every row.
    let mut foods: Vec<u32> =
        facts.lines.iter().filter(|l| !l.optional).filter_map(|l| catalog.by_id(l.food.as_deref()?)).map(|f| f.0).collect();
    foods.sort_unstable();
    foods.dedup();
    let foods: Vec<u8> = foods.iter().flat_map(|f| f.to_le_bytes()).collect();
    let (meals, triggers, attributes) =
        (bits(&MealType::ALL, &recipe.meals), bits(Trigger::ALL, &facts.triggers), bits(Attribute::ALL, &facts.attributes));
    let minutes = has_time.then(|| recipe.times.active_minutes());
    // The main ingredient: the heaviest non-optional line (the first, on a tie or without weights).
    let main_food = facts
        .lines
        .iter()
        .filter(|l| !l.optional && l.food.is_some())
        .fold(None::<&crate::facts::LineFacts>, |best, l| match best {
            Some(b) if b.grams.unwrap_or(0.0) >= l.grams.unwrap_or(0.0) => Some(b),
            _ => Some(l),
        })
        .and_then(|l| l.food.as_deref());
    let filter = super::index::pack(triggers, attributes, meals, !facts.unknown.is_empty(), minutes);
    tx.prepare_cached(
        "INSERT INTO recipe_index (sort_key, recipe_id, meals, triggers, optional_triggers, attributes,
             fiber_per_serving, plants, unknown, active_minutes, ferment_minutes, foods, filter, main_food, plant_list, uid, title)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        sort_key(&recipe.title),
        rowid,
        meals,
        triggers,
        bits(Trigger::ALL, &facts.optional_triggers),
        attributes,
        facts.fiber_known.then_some(facts.fiber_per_serving),
        facts.plants.len() as i64,
        facts.unknown.len() as i64,
        minutes.map(i64::from),
        recipe.times.ferment_minutes.map(i64::from),
        foods,
        filter,
        main_food,
        facts.plants.join("\n"),
        recipe.id,
        recipe.title,
    ])?;
    tx.prepare_cached("INSERT INTO recipe_card (recipe_id, card) VALUES (?1, ?2)")?.execute(params![rowid, card_json])?;
    tx.prepare_cached("INSERT INTO recipe_doc (recipe_id, body) VALUES (?1, ?2)")?.execute(params![rowid, body])?;
    {
        let mut food = tx.prepare_cached("INSERT OR IGNORE INTO recipe_food (recipe_id, food, optional) VALUES (?1, ?2, ?3)")?;
        let mut line = tx.prepare_cached("INSERT INTO recipe_line (recipe_id, line, food, grams, optional) VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for (i, lf) in facts.lines.iter().enumerate() {
            line.execute(params![rowid, i as i64, lf.food, lf.grams, lf.optional])?;
            if let Some(f) = &lf.food {
                food.execute(params![rowid, f, lf.optional])?;
            }
        }
        let mut plant = tx.prepare_cached("INSERT OR IGNORE INTO recipe_plant (recipe_id, plant) VALUES (?1, ?2)")?;
        for p in &facts.plants {
            plant.execute(params![rowid, p])?;
        }
    }
    Ok(())
}

/// A recipe's row in the search index.
pub struct SearchRow {
    rowid: i64,
    columns: [String; 4],
}

impl SearchRow {
    pub fn new(rowid: i64, recipe: &Recipe) -> SearchRow {
        let ingredients: Vec<&str> = recipe.ingredients.iter().map(|i| i.name.as_str()).collect();
        let steps: Vec<&str> = recipe.steps.iter().map(|s| s.text.as_str()).collect();
        SearchRow { rowid, columns: [recipe.title.clone(), ingredients.join("\n"), steps.join("\n"), recipe.tags.join(" ")] }
    }

    pub fn rowid(&self) -> i64 {
        self.rowid
    }

    /// Writes the row. FTS5 flushes its pending rows into a new segment at every savepoint, so
    /// a batch import writes its search rows together, after the savepoints of its files.
    pub fn write(&self, tx: &Connection) -> Result<(), rusqlite::Error> {
        let [title, ingredients, steps, tags] = &self.columns;
        tx.prepare_cached("INSERT INTO recipe_fts (rowid, title, ingredients, steps, tags) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![self.rowid, title, ingredients, steps, tags])?;
        Ok(())
    }
}

/// How recipes sort and how a search word is found in a title: the title's lowercase words.
fn sort_key(title: &str) -> String {
    crate::catalog::normalize::normalize(title)
}

/// Removes the derived rows of `rowid` (before rewriting them, or when the recipe goes).
pub fn clear(tx: &Connection, rowid: i64) -> Result<(), rusqlite::Error> {
    for sql in [
        "DELETE FROM recipe_index WHERE recipe_id = ?1",
        "DELETE FROM recipe_doc WHERE recipe_id = ?1",
        "DELETE FROM recipe_card WHERE recipe_id = ?1",
        "DELETE FROM recipe_food WHERE recipe_id = ?1",
        "DELETE FROM recipe_plant WHERE recipe_id = ?1",
        "DELETE FROM recipe_line WHERE recipe_id = ?1",
        "DELETE FROM recipe_fts WHERE rowid = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([rowid])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_version_is_stable_and_content_hash_tells_texts_apart() {
        assert_eq!(model_version(), model_version());
        assert_eq!(model_version().len(), 16);
        assert_eq!(content_hash("a"), content_hash("a"));
        assert_ne!(content_hash("a"), content_hash("b"));
        assert_eq!(bits(&[1, 2, 3], &[1, 3]), 0b101);
    }
}
