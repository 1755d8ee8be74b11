//! SQLite storage of the recipe library: one file, WAL, migrations, FTS5 search, and the derived
//! facts of every recipe stored in tables so that listing and filtering run in SQL.
//!
//! A recipe's source text is the truth; everything else about it (the parsed recipe, its facts,
//! its card, its search row) is a cache rebuilt on every write and whenever the model version
//! changes. Every write is one transaction.

mod aside;
mod backup;
mod derive;
mod import;
mod index;
mod list;
mod photo;
mod plan;
mod plans;
mod schema;
mod search;
mod settings;
mod shopping;

pub use aside::set_aside;
pub use backup::{
    backup_file_name, check_backup, restore, BackupError, CheckedBackup, RestoreMode, Restored, APPLICATION_ID, MAX_BACKUP_BYTES,
};
pub use derive::{content_hash, model_version};
pub use import::{Imported, BATCH};
pub use list::ListPage;
pub use plans::PlanSummary;
pub use search::fts_query;

use crate::catalog::Catalog;
use crate::import::{ImportError, SourceFormat};
use crate::model::{slugify, Recipe};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a Gutsy library ({message})")]
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
    #[error("a plan named {0:?} already exists")]
    PlanNameTaken(String),
}

impl StoreError {
    /// A damaged or foreign file met by any query, as the library error a person can act on.
    pub fn in_library(self, label: &str) -> StoreError {
        match self {
            StoreError::Sqlite(e) => not_a_database(label, e),
            other => other,
        }
    }
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Saved {
    /// A new recipe.
    Added,
    /// The recipe from this source, updated (same id).
    Replaced,
    /// The same text was already stored; nothing changed.
    Unchanged,
}

/// The recipe library on disk.
pub struct Store {
    conn: Connection,
    label: String,
    /// Stored recipes that no longer parse under the current model (they keep their old facts).
    stale: Vec<ImportError>,
    /// Filterable facts in memory, loaded on the first list (see `index.rs`).
    index: std::cell::RefCell<Option<index::ListIndex>>,
}

/// How long a statement waits for another process's write (the CLI importing while the app
/// runs) before it gives up with "database is locked".
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// The default library file: `<platform data dir>/gutsy/library.db`, shared by the CLI and app.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("app", "gutsy", "gutsy").map(|d| d.data_dir().join("library.db"))
}

/// One recipe row, as the identity rules need it.
struct Row {
    id: i64,
    uid: String,
    slug: String,
    hash: String,
    origin: String,
}

impl Store {
    /// Opens (creating if needed) the library at `path`, migrates it and brings its derived data
    /// up to date. The bundled recipes are loaded by [`crate::library::open`], not here.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let label = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open { path: label.clone(), message: e.to_string() })?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::Open { path: label.clone(), message: e.to_string() })?;
        Self::init(conn, label)
    }

    /// A library in memory (tests, dry runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::init(Connection::open_in_memory()?, ":memory:".into())
    }

    fn init(mut conn: Connection, label: String) -> Result<Store, StoreError> {
        let not_db = |e: rusqlite::Error| not_a_database(&label, e);
        // The first statement touches the file header: a corrupt or foreign file fails here.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(not_db)?;
        // Reading the schema touches the first pages; a damaged page elsewhere is reported by
        // the query that meets it (as NotADatabase). A full `quick_check` here would read the
        // whole file on every start, seconds for a big library.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).map_err(not_db)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Every write transaction takes the write lock when it begins: a deferred transaction
        // that reads and then writes would have to upgrade its lock, and an upgrade that meets
        // another writer fails with SQLITE_BUSY at once, whatever the busy timeout.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        let known = schema::VERSION;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(not_db)?;
        if found > known {
            return Err(StoreError::TooNew { path: label, found, known });
        }
        schema::migrations().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => not_a_database(&label, err),
            other => StoreError::Migration(other),
        })?;
        let mut store = Store { conn, label: label.clone(), stale: Vec::new(), index: Default::default() };
        store.refresh_model().map_err(|e| e.in_library(&label))?;
        Ok(store)
    }

    /// Where this store lives (for messages).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Stored recipes that failed to re-derive under the current model.
    pub fn stale(&self) -> &[ImportError] {
        &self.stale
    }

    fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Re-derives every recipe from its source text when the model (catalog, units, parsers,
    /// fact rules) differs from the one that derived the stored facts. One transaction.
    fn refresh_model(&mut self) -> Result<(), StoreError> {
        let version = model_version();
        if self.meta("model")?.as_deref() == Some(version) {
            return Ok(());
        }
        let catalog = Catalog::bundled();
        let tx = self.conn.transaction()?;
        let rows: Vec<(i64, String, String, String, String, Option<String>)> = {
            let mut stmt = tx.prepare("SELECT id, uid, slug, source_format, source_text, coalesce(source_path, bundle_key) FROM recipe")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        // Parsing and facts on a worker thread, writing here (as a batch import does).
        let stale = std::thread::scope(|scope| -> Result<Vec<ImportError>, StoreError> {
            let (send, receive) = std::sync::mpsc::sync_channel(64);
            scope.spawn(move || {
                for (rowid, uid, slug, format, text, path) in rows {
                    let label = path.unwrap_or_else(|| slug.clone());
                    let parsed = format
                        .parse::<SourceFormat>()
                        .map_err(|m| ImportError::Invalid { path: label.clone(), message: m })
                        .and_then(|f| f.parse(&label, &text))
                        .map(|mut recipe| {
                            recipe.id = uid;
                            recipe.slug = slug;
                            let facts = crate::facts::recipe_facts(catalog, &recipe);
                            (recipe, facts, content_hash(&text))
                        });
                    if send.send((rowid, parsed)).is_err() {
                        return;
                    }
                }
            });
            let mut stale = Vec::new();
            for (rowid, parsed) in receive {
                match parsed {
                    Ok((recipe, facts, hash)) => {
                        derive::write_facts(&tx, catalog, rowid, &recipe, &facts)?;
                        derive::SearchRow::new(rowid, &recipe).write(&tx)?;
                        tx.execute("UPDATE recipe SET source_hash = ?2 WHERE id = ?1 AND source_hash = ''", params![rowid, hash])?;
                    }
                    Err(e) => stale.push(e),
                }
            }
            Ok(stale)
        })?;
        self.stale.extend(stale);
        set_meta(&tx, "model", version)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces the source text of a stored recipe (the editor's save): same id, new facts. A
    /// bundled recipe changed this way is the cook's from then on: bundle updates leave it alone.
    /// The format is sniffed from the text ([`SourceFormat::sniff`]).
    pub fn update_text(&mut self, key: &str, text: &str) -> Result<Recipe, StoreError> {
        let tx = self.conn.transaction()?;
        let row = row_where(&tx, "uid = ?1 OR slug = ?1", key)?.ok_or_else(|| StoreError::NotFound(key.to_string()))?;
        // The text says its format: a JSON-LD recipe edited as JSON stays JSON-LD.
        let format = SourceFormat::sniff(text);
        let mut recipe = format.parse(&row.slug, text)?;
        recipe.id = row.uid;
        recipe.slug = unique_slug(&tx, &recipe.title, Some(row.id))?;
        tx.execute(
            "UPDATE recipe SET slug = ?2, title = ?3, source_format = ?7, source_hash = ?4, source_text = ?5,
                 edited = (origin = 'bundled'), updated_at = ?6 WHERE id = ?1",
            params![row.id, recipe.slug, recipe.title, content_hash(text), text, now(), format.as_str()],
        )?;
        derive::write(&tx, Catalog::bundled(), row.id, &recipe)?;
        tx.commit()?;
        Ok(recipe)
    }

    /// Brings the bundled recipes in line with `files` (key, text) when their `fingerprint`
    /// changed: new files are added, changed ones updated (same id), removed ones deleted —
    /// except recipes the cook edited, and bundled recipes the cook deleted stay deleted.
    /// One transaction. Returns the files that failed to parse.
    pub fn sync_bundle(&mut self, files: &[(String, &str)], fingerprint: &str) -> Result<Vec<ImportError>, StoreError> {
        let key = "bundled";
        if self.meta(key)?.as_deref() == Some(fingerprint) {
            return Ok(Vec::new());
        }
        let catalog = Catalog::bundled();
        let mut errors = Vec::new();
        let tx = self.conn.transaction()?;
        for (bundle_key, text) in files {
            let gone: bool =
                tx.query_row("SELECT count(*) FROM tombstone WHERE bundle_key = ?1", [bundle_key], |r| r.get::<_, i64>(0))? > 0;
            if gone {
                continue;
            }
            let hash = content_hash(text);
            let existing: Option<(i64, String, String, bool)> = tx
                .query_row("SELECT id, uid, source_hash, edited FROM recipe WHERE bundle_key = ?1", [bundle_key], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?;
            if existing.as_ref().is_some_and(|(_, _, h, edited)| *edited || *h == hash) {
                continue;
            }
            let mut recipe = match SourceFormat::Cooklang.parse(bundle_key, text) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let rowid = match existing {
                Some((rowid, uid, _, _)) => {
                    recipe.id = uid;
                    recipe.slug = unique_slug(&tx, &recipe.title, Some(rowid))?;
                    tx.execute(
                        "UPDATE recipe SET slug = ?2, title = ?3, source_hash = ?4, source_text = ?5, updated_at = ?6 WHERE id = ?1",
                        params![rowid, recipe.slug, recipe.title, hash, text, now()],
                    )?;
                    rowid
                }
                None => {
                    recipe.id = uuid::Uuid::new_v4().to_string();
                    recipe.slug = unique_slug(&tx, &recipe.title, None)?;
                    tx.execute(
                        "INSERT INTO recipe (uid, slug, title, origin, bundle_key, source_format, source_hash, source_text, created_at, updated_at)
                         VALUES (?1, ?2, ?3, 'bundled', ?4, 'cook', ?5, ?6, ?7, ?7)",
                        params![recipe.id, recipe.slug, recipe.title, bundle_key, hash, text, now()],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            derive::write(&tx, catalog, rowid, &recipe)?;
        }
        // Recipes dropped from the bundle go, unless the cook edited them.
        let keys: Vec<&str> = files.iter().map(|(k, _)| k.as_str()).collect();
        let dropped: Vec<i64> = {
            let mut stmt = tx.prepare("SELECT id, bundle_key FROM recipe WHERE bundle_key IS NOT NULL AND edited = 0")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            rows.filter_map(|r| r.ok()).filter(|(_, k)| !keys.contains(&k.as_str())).map(|(id, _)| id).collect()
        };
        for rowid in dropped {
            derive::clear(&tx, rowid)?;
            tx.execute("DELETE FROM recipe WHERE id = ?1", [rowid])?;
        }
        set_meta(&tx, key, fingerprint)?;
        tx.commit()?;
        Ok(errors)
    }

    /// Deletes a recipe by id or slug; `false` if there was none. A deleted bundled recipe is
    /// remembered, so it does not come back with the next bundle.
    pub fn delete(&mut self, key: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let row: Option<(i64, Option<String>)> = tx
            .query_row("SELECT id, bundle_key FROM recipe WHERE uid = ?1 OR slug = ?1", [key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if let Some((rowid, bundle_key)) = &row {
            if let Some(k) = bundle_key {
                tx.execute("INSERT OR REPLACE INTO tombstone (bundle_key, deleted_at) VALUES (?1, ?2)", params![k, now()])?;
            }
            derive::clear(&tx, *rowid)?;
            tx.execute("DELETE FROM recipe WHERE id = ?1", [rowid])?;
        }
        tx.commit()?;
        Ok(row.is_some())
    }

    /// The recipe with this id (or slug).
    pub fn recipe(&self, key: &str) -> Result<Option<Recipe>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .prepare_cached(
                "SELECT r.uid, d.body FROM recipe r JOIN recipe_doc d ON d.recipe_id = r.id
                 WHERE r.uid = ?1 OR r.slug = ?1 ORDER BY r.uid = ?1 DESC LIMIT 1",
            )?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| not_a_database(&self.label, e))?;
        row.map(|(uid, body)| decode(&uid, &body)).transpose()
    }

    /// The source text a recipe was loaded from.
    pub fn source_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT source_text FROM recipe WHERE uid = ?1 OR slug = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// The source a recipe was loaded from: its format and text (`None` if there is no such
    /// recipe). A format this build does not know is a damaged row.
    pub fn source(&self, key: &str) -> Result<Option<(SourceFormat, String)>, StoreError> {
        let row: Option<(String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT uid, source_format, source_text FROM recipe WHERE uid = ?1 OR slug = ?1 ORDER BY uid = ?1 DESC LIMIT 1",
            )?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .map_err(|e| not_a_database(&self.label, e))?;
        row.map(|(uid, format, text)| {
            let format = format.parse::<SourceFormat>().map_err(|message| StoreError::Damaged { id: uid, message })?;
            Ok((format, text))
        })
        .transpose()
    }

    /// Finds a recipe by id, slug, exact title, or a unique part of the title.
    pub fn find(&self, query: &str) -> Result<Recipe, StoreError> {
        let q = query.trim();
        if let Some(r) = self.recipe(q)? {
            return Ok(r);
        }
        let like = format!("%{}%", q.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mut stmt = self.conn.prepare_cached(
            "SELECT uid, slug, title = ?1 COLLATE NOCASE FROM recipe WHERE title LIKE ?2 ESCAPE '\\' ORDER BY title COLLATE NOCASE LIMIT 50",
        )?;
        let hits: Vec<(String, String, bool)> =
            stmt.query_map(params![q, like], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
        let exact: Vec<&(String, String, bool)> = hits.iter().filter(|h| h.2).collect();
        let pick = match (exact.as_slice(), hits.as_slice()) {
            ([one], _) => Some(one.0.clone()),
            ([], [one]) => Some(one.0.clone()),
            ([], []) => return Err(StoreError::NotFound(q.to_string())),
            _ => None,
        };
        match pick {
            Some(uid) => self.recipe(&uid)?.ok_or_else(|| StoreError::NotFound(q.to_string())),
            None => {
                let many =
                    if exact.len() > 1 { exact.iter().map(|h| h.1.clone()).collect() } else { hits.iter().map(|h| h.1.clone()).collect() };
                Err(StoreError::Ambiguous { query: q.to_string(), candidates: many })
            }
        }
    }

    /// Ids of recipes matching free text (title, ingredients, steps, tags), in the list's order.
    /// Empty or punctuation-only text matches nothing; callers treat it as "no search".
    pub fn search(&self, text: &str) -> Result<Vec<String>, StoreError> {
        if fts_query(text).is_none() {
            return Ok(Vec::new());
        }
        let filter = crate::filter::Filter { search: Some(text.to_string()), ..Default::default() };
        Ok(self.list(&filter)?.into_iter().map(|c| c.id).collect())
    }

    /// Number of recipes in the library.
    pub fn count(&self) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM recipe", [], |r| r.get(0)).map_err(|e| not_a_database(&self.label, e))?;
        Ok(n as usize)
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339()
}

fn set_meta(tx: &Transaction<'_>, key: &str, value: &str) -> Result<(), rusqlite::Error> {
    tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])?;
    Ok(())
}

fn row_where(tx: &Connection, condition: &str, value: &str) -> Result<Option<Row>, rusqlite::Error> {
    tx.prepare_cached(&format!("SELECT id, uid, slug, source_hash, origin FROM recipe WHERE {condition} ORDER BY id LIMIT 1"))?
        .query_row([value], |r| Ok(Row { id: r.get(0)?, uid: r.get(1)?, slug: r.get(2)?, hash: r.get(3)?, origin: r.get(4)? }))
        .optional()
}

/// The title's slug, or `slug-2`, `slug-3`… when another recipe has it.
fn unique_slug(tx: &Connection, title: &str, except: Option<i64>) -> Result<String, rusqlite::Error> {
    let base = slugify(title);
    let mut stmt = tx.prepare_cached("SELECT count(*) FROM recipe WHERE slug = ?1 AND id IS NOT ?2")?;
    let mut n = 1;
    loop {
        let candidate = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let taken: i64 = stmt.query_row(params![candidate, except], |r| r.get(0))?;
        if taken == 0 {
            return Ok(candidate);
        }
        n += 1;
    }
}

fn decode(id: &str, body: &str) -> Result<Recipe, StoreError> {
    serde_json::from_str(body).map_err(|e| StoreError::Damaged { id: id.to_string(), message: e.to_string() })
}

/// SQLite's "not a database" and "corrupt" as the library error a person can act on.
fn not_a_database(label: &str, e: rusqlite::Error) -> StoreError {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            StoreError::NotADatabase { path: label.to_string(), message: "the file is not an SQLite database".into() }
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseCorrupt => {
            StoreError::NotADatabase { path: label.to_string(), message: "the library file is damaged".into() }
        }
        other => StoreError::Sqlite(other),
    }
}

#[cfg(test)]
mod tests;
