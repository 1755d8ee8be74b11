//! SQLite storage of the recipe library: one file, WAL, migrations, FTS5 search.
//! Every write is one transaction; the bundled library is loaded on first open.

mod schema;
mod search;

pub use search::fts_query;

use crate::import::{parse_cook, ImportError};
use crate::model::Recipe;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::{Path, PathBuf};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a Gutsy library ({message}); move the file away or choose another with --db / GUTSY_DB")]
    NotADatabase { path: String, message: String },
    #[error("{path}: cannot open the library: {message}")]
    Open { path: String, message: String },
    #[error("{path}: the library was written by a newer Gutsy (schema {found}, this build knows {known})")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("stored recipe {id:?} is damaged: {message}")]
    Damaged { id: String, message: String },
    #[error("no recipe matches {0:?}")]
    NotFound(String),
    #[error("{query:?} matches several recipes: {}", candidates.join(", "))]
    Ambiguous { query: String, candidates: Vec<String> },
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// Where a recipe came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    User,
}

impl Origin {
    fn as_str(&self) -> &'static str {
        match self {
            Origin::Bundled => "bundled",
            Origin::User => "user",
        }
    }
}

/// Whether a write added a recipe or replaced one with the same id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Saved {
    Added,
    Replaced,
}

/// The recipe library on disk.
pub struct Store {
    conn: Connection,
    label: String,
    /// Bundled files that failed to load (should be empty: a test guards it).
    seed_errors: Vec<ImportError>,
}

/// The default library file: `<platform data dir>/gutsy/library.db`, shared by the CLI and app.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("app", "gutsy", "gutsy").map(|d| d.data_dir().join("library.db"))
}

impl Store {
    /// Opens (creating if needed) the library at `path`, migrates it and loads the bundled recipes.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let label = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Open { path: label.clone(), message: e.to_string() })?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::Open { path: label.clone(), message: e.to_string() })?;
        Self::init(conn, label)
    }

    /// A library in memory (tests, dry runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::init(Connection::open_in_memory()?, ":memory:".into())
    }

    fn init(mut conn: Connection, label: String) -> Result<Store, StoreError> {
        let not_db = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::NotADatabase { path: label.clone(), message: "the file is not an SQLite database".into() }
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseCorrupt => {
                StoreError::NotADatabase { path: label.clone(), message: "the library file is damaged".into() }
            }
            other => StoreError::Sqlite(other),
        };
        // The first statement touches the file header: a corrupt or foreign file fails here.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(not_db)?;
        // A file with a valid header but damaged pages fails here instead of on some later query.
        let check: String = conn.pragma_query_value(None, "quick_check", |r| r.get(0)).map_err(not_db)?;
        if check != "ok" {
            return Err(StoreError::NotADatabase { path: label, message: format!("the library file is damaged: {check}") });
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let migrations = schema::migrations();
        let known = schema::VERSION;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(not_db)?;
        if found > known {
            return Err(StoreError::TooNew { path: label, found, known });
        }
        migrations.to_latest(&mut conn)?;
        let mut store = Store { conn, label, seed_errors: Vec::new() };
        store.load_bundled()?;
        Ok(store)
    }

    /// Where this store lives (for messages).
    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn seed_errors(&self) -> &[ImportError] {
        &self.seed_errors
    }

    /// Loads the bundled library when it is new or has changed since the last open. User recipes
    /// with the same id are left alone. One transaction for the whole library.
    fn load_bundled(&mut self) -> Result<(), StoreError> {
        let files = crate::library::bundled_files();
        let fingerprint = crate::library::bundled_fingerprint();
        let current: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'bundled'", [], |r| r.get(0))
            .optional()?;
        if current.as_deref() == Some(fingerprint.as_str()) {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for (label, text) in files {
            match parse_cook(&label, text) {
                Ok(recipe) => {
                    let user_owned: bool = tx
                        .query_row("SELECT origin = 'user' FROM recipe WHERE slug = ?1", [&recipe.id], |r| r.get(0))
                        .optional()?
                        .unwrap_or(false);
                    if !user_owned {
                        write_recipe(&tx, &recipe, text, Some(&label), Origin::Bundled)?;
                    }
                }
                Err(e) => self.seed_errors.push(e),
            }
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('bundled', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [&fingerprint],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Saves a recipe (adding or replacing the one with the same id) in one transaction.
    pub fn save(&mut self, recipe: &Recipe, source_text: &str, source_path: Option<&str>) -> Result<Saved, StoreError> {
        let tx = self.conn.transaction()?;
        let saved = write_recipe(&tx, recipe, source_text, source_path, Origin::User)?;
        tx.commit()?;
        Ok(saved)
    }

    /// Parses Cooklang text and saves it; nothing is written if parsing fails. Importing the same
    /// file again replaces its recipe; a different file whose title gives the same id gets a
    /// fresh id (`kefir-2`), so an import never overwrites another recipe.
    pub fn import_text(&mut self, label: &str, text: &str) -> Result<(Recipe, Saved), StoreError> {
        let mut recipe = parse_cook(label, text)?;
        let base = recipe.id.clone();
        let mut n = 1;
        loop {
            let owner: Option<Option<String>> = self
                .conn
                .query_row("SELECT source_path FROM recipe WHERE slug = ?1", [&recipe.id], |r| r.get(0))
                .optional()?;
            match owner {
                Some(path) if path.as_deref() != Some(label) => {
                    n += 1;
                    recipe.id = format!("{base}-{n}");
                }
                _ => break,
            }
        }
        let saved = self.save(&recipe, text, Some(label))?;
        Ok((recipe, saved))
    }

    /// Deletes a recipe by id; `false` if there was none.
    pub fn delete(&mut self, id: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let row: Option<i64> = tx.query_row("SELECT id FROM recipe WHERE slug = ?1", [id], |r| r.get(0)).optional()?;
        if let Some(rowid) = row {
            tx.execute("DELETE FROM recipe_fts WHERE rowid = ?1", [rowid])?;
            tx.execute("DELETE FROM recipe WHERE id = ?1", [rowid])?;
        }
        tx.commit()?;
        Ok(row.is_some())
    }

    /// Every recipe, by title.
    pub fn recipes(&self) -> Result<Vec<Recipe>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT slug, body FROM recipe ORDER BY title COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        rows.map(|row| {
            let (id, body) = row?;
            decode(&id, &body)
        })
        .collect()
    }

    /// The recipe with this id.
    pub fn recipe(&self, id: &str) -> Result<Option<Recipe>, StoreError> {
        let body: Option<String> = self
            .conn
            .prepare_cached("SELECT body FROM recipe WHERE slug = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        body.map(|b| decode(id, &b)).transpose()
    }

    /// The Cooklang text a recipe was loaded from.
    pub fn source_text(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT source_text FROM recipe WHERE slug = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// Finds a recipe by id, exact title, or a unique part of the title.
    pub fn find(&self, query: &str) -> Result<Recipe, StoreError> {
        let q = query.trim();
        if let Some(r) = self.recipe(q)? {
            return Ok(r);
        }
        let all = self.recipes()?;
        if let Some(r) = all.iter().find(|r| r.title.eq_ignore_ascii_case(q)) {
            return Ok(r.clone());
        }
        let needle = q.to_lowercase();
        let hits: Vec<&Recipe> = all.iter().filter(|r| r.title.to_lowercase().contains(&needle)).collect();
        match hits.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(StoreError::NotFound(q.to_string())),
            many => Err(StoreError::Ambiguous {
                query: q.to_string(),
                candidates: many.iter().map(|r| r.id.clone()).collect(),
            }),
        }
    }

    /// Ids of recipes matching free text (title, ingredients, steps, tags), best first.
    /// Empty or punctuation-only text matches nothing; callers treat it as "no search".
    pub fn search(&self, text: &str) -> Result<Vec<String>, StoreError> {
        let Some(q) = fts_query(text) else { return Ok(Vec::new()) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.slug FROM recipe_fts f JOIN recipe r ON r.id = f.rowid
             WHERE recipe_fts MATCH ?1 ORDER BY bm25(recipe_fts, 10.0, 4.0, 1.0, 2.0)",
        )?;
        let ids = stmt.query_map([q], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    }

    /// Number of recipes in the library.
    pub fn count(&self) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM recipe", [], |r| r.get(0))?;
        Ok(n as usize)
    }
}

fn decode(id: &str, body: &str) -> Result<Recipe, StoreError> {
    serde_json::from_str(body).map_err(|e| StoreError::Damaged { id: id.to_string(), message: e.to_string() })
}

/// Inserts or replaces a recipe and its search row inside `tx`.
fn write_recipe(tx: &Transaction<'_>, recipe: &Recipe, source_text: &str, source_path: Option<&str>, origin: Origin) -> Result<Saved, StoreError> {
    let body = serde_json::to_string(recipe).map_err(|e| StoreError::Damaged { id: recipe.id.clone(), message: e.to_string() })?;
    let now = chrono::Utc::now().to_rfc3339();
    let existing: Option<i64> = tx.query_row("SELECT id FROM recipe WHERE slug = ?1", [&recipe.id], |r| r.get(0)).optional()?;
    let rowid = match existing {
        Some(rowid) => {
            tx.execute(
                "UPDATE recipe SET title = ?2, origin = ?3, source_path = ?4, source_text = ?5, body = ?6, updated_at = ?7 WHERE id = ?1",
                params![rowid, recipe.title, origin.as_str(), source_path, source_text, body, now],
            )?;
            tx.execute("DELETE FROM recipe_fts WHERE rowid = ?1", [rowid])?;
            rowid
        }
        None => {
            tx.execute(
                "INSERT INTO recipe (slug, title, origin, source_path, source_text, body, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![recipe.id, recipe.title, origin.as_str(), source_path, source_text, body, now],
            )?;
            tx.last_insert_rowid()
        }
    };
    let ingredients: Vec<&str> = recipe.ingredients.iter().map(|i| i.name.as_str()).collect();
    let steps: Vec<&str> = recipe.steps.iter().map(|s| s.text.as_str()).collect();
    tx.execute(
        "INSERT INTO recipe_fts (rowid, title, ingredients, steps, tags) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![rowid, recipe.title, ingredients.join("\n"), steps.join("\n"), recipe.tags.join(" ")],
    )?;
    Ok(if existing.is_some() { Saved::Replaced } else { Saved::Added })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINE: &str = "---\ntitle: Simple Sauerkraut\nservings: 4\nmeal: [snack]\n---\nMy own way with @red cabbage{1%kg} and @salt{20%g}.\n";

    #[test]
    fn first_open_loads_the_bundled_library_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/dir/lib.db");
        let n = crate::library::bundled_files().len();
        let store = Store::open(&path).unwrap();
        assert!(store.seed_errors().is_empty(), "{:?}", store.seed_errors());
        assert_eq!(store.count().unwrap(), n);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.count().unwrap(), n, "reopening does not duplicate");
    }

    #[test]
    fn user_recipes_win_over_bundled_ones_with_the_same_id() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.db");
        let mut store = Store::open(&path).unwrap();
        let (r, saved) = store.import_text("mine.cook", MINE).unwrap();
        assert_eq!((r.id.as_str(), saved), ("simple-sauerkraut-2", Saved::Added), "never overwrites another recipe");
        assert_eq!(store.import_text("mine.cook", MINE).unwrap().1, Saved::Replaced, "the same file replaces itself");
        // Saving over a bundled id (as an edit would) makes it the user's.
        store.save(&Recipe { id: "simple-sauerkraut".into(), ..r.clone() }, MINE, Some("mine.cook")).unwrap();
        // A changed bundle (simulated by forgetting its fingerprint) must not overwrite it.
        store.conn.execute("DELETE FROM meta WHERE key = 'bundled'", []).unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.recipe("simple-sauerkraut").unwrap().unwrap().servings, 4);
    }

    #[test]
    fn search_find_and_delete() {
        let mut store = Store::open_in_memory().unwrap();
        let hits = store.search("kefir").unwrap();
        assert!(hits.iter().any(|id| id == "coconut-water-kefir"));
        assert!(store.search("kef").unwrap().len() >= hits.len(), "prefix search as you type");
        assert!(store.search("\" (* )").unwrap().is_empty(), "punctuation alone searches nothing");
        assert!(!store.search("\"kefir\" AND (").unwrap().is_empty(), "operators are plain words, not syntax errors");
        assert!(matches!(store.find("sauerkraut"), Err(StoreError::Ambiguous { .. })));
        assert_eq!(store.find("SIMPLE SAUERKRAUT").unwrap().id, "simple-sauerkraut");
        assert!(matches!(store.find("zzz"), Err(StoreError::NotFound(_))));
        let before = store.count().unwrap();
        assert!(store.delete("simple-sauerkraut").unwrap());
        assert!(!store.delete("simple-sauerkraut").unwrap());
        assert_eq!(store.count().unwrap(), before - 1);
        assert!(!store.search("sauerkraut").unwrap().contains(&"simple-sauerkraut".to_string()));
    }

    #[test]
    fn a_failed_import_writes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let before = store.count().unwrap();
        assert!(store.import_text("bad.cook", "---\nservings: none\n---\nx @y{1}\n").is_err());
        assert_eq!(store.count().unwrap(), before);
    }
}
