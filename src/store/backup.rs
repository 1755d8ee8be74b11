//! Backups of the library and restoring them.
//!
//! A backup is a copy of the library made with SQLite's online backup API (a consistent
//! snapshot even while another process writes), written to a temporary file beside the target,
//! synced and renamed over it: there is never half a backup under the chosen name. It is a
//! plain SQLite file in rollback-journal mode, stamped as a Gutsy library by
//! `PRAGMA application_id` ([`APPLICATION_ID`], schema 9).
//!
//! A file to restore is checked before anything is touched ([`check_backup`]): its size, its
//! header (an SQLite file, not truncated), `PRAGMA integrity_check` on a read-only connection,
//! that it is a Gutsy library and not from a newer schema. It is then copied to a temporary file
//! and an older schema migrated there, never in the cook's file. Then:
//!
//! - [`RestoreMode::Replace`]: the library becomes the backup's content in one step — the
//!   backup API copies every page of the checked copy into the live connection in a single
//!   write transaction, so a reader sees the old library or the new one, and a crash leaves
//!   the old one. Derived rows are rebuilt when the backup's model version differs.
//! - [`RestoreMode::Merge`]: one transaction adds the recipes whose stable id is missing (their
//!   source text parsed and derived again, so facts are current, and their photos), and the
//!   plans and settings that are missing; whatever is already in the library is left as it is.
//!
//! Photos live in the library file (`recipe_photo`), so a backup and a replace carry them as
//! they carry everything else.

use super::{derive, now, schema, set_meta, unique_slug, Store, StoreError};
use crate::catalog::Catalog;
use crate::import::SourceFormat;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of a Gutsy library: "Guts" in ASCII (set by the schema 9 migration).
pub const APPLICATION_ID: i64 = 0x4775_7473;

/// The largest file [`restore`] accepts: 2 GiB, far beyond any cook's library (50,000 recipes
/// take ~300 MB), small enough that checking and copying it stays reasonable.
pub const MAX_BACKUP_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Why a backup or a restore failed. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{path}: not a backup: the file is not an SQLite database")]
    NotSqlite { path: String },
    #[error("{path}: the backup is truncated ({found} bytes of {expected}); nothing was restored")]
    Truncated { path: String, expected: u64, found: u64 },
    #[error("{path}: the backup is damaged ({message}); nothing was restored")]
    Corrupt { path: String, message: String },
    #[error("{path}: not a Gutsy library (an SQLite file of another program); nothing was restored")]
    NotGutsy { path: String },
    #[error("{path}: the backup was made by a newer Gutsy (schema {found}, this build knows {known}); update Gutsy to restore it")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("{path}: the file is {size} bytes, over the limit of {limit} bytes for a backup; nothing was restored")]
    TooBig { path: String, size: u64, limit: u64 },
    #[error("{path}: {source}")]
    Store {
        path: String,
        #[source]
        source: StoreError,
    },
}

/// How a restore meets the library's own content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RestoreMode {
    /// Add what the library lacks (recipes by stable id, plans, settings); keep the rest.
    Merge,
    /// The library becomes the backup.
    Replace,
}

/// What a restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Restored {
    /// Recipes added (merge) or in the library now (replace).
    pub recipes_added: usize,
    /// Recipes of the backup already in the library, left as they are (merge).
    pub recipes_present: usize,
    /// Recipes of the backup whose text no longer parses, each with the reason (merge).
    pub recipes_failed: Vec<String>,
    /// Plans added (merge) or in the library now (replace).
    pub plans_added: usize,
    /// Plans of the backup already in the library (merge).
    pub plans_present: usize,
    /// Settings keys added (merge) or in the library now (replace).
    pub settings_added: usize,
}

/// The name a backup made on `date` is offered under: "gutsy-backup-2026-12-03.db".
pub fn backup_file_name(date: chrono::NaiveDate) -> String {
    format!("gutsy-backup-{date}.db")
}

impl Restored {
    /// What the restore of `file` did, in a sentence for the cook.
    pub fn sentence(&self, mode: RestoreMode, file: &str) -> String {
        match mode {
            RestoreMode::Replace => {
                format!("Replaced the library with {file}: {} recipes, {} plans.", self.recipes_added, self.plans_added)
            }
            RestoreMode::Merge => format!(
                "Merged {file}: {} recipes added, {} already there; {} plans added, {} already there; {} settings added.",
                self.recipes_added, self.recipes_present, self.plans_added, self.plans_present, self.settings_added
            ),
        }
    }
}

impl Store {
    /// Writes a consistent copy of the library to `path` (replacing a file there) through the
    /// online backup API: a temporary file beside it, synced, renamed over it.
    pub fn backup_to(&self, path: &Path) -> Result<(), BackupError> {
        let label = path.display().to_string();
        let io = |e: std::io::Error| BackupError::Io { path: label.clone(), message: e.to_string() };
        let store_err = |e: rusqlite::Error| BackupError::Store { path: label.clone(), source: StoreError::Sqlite(e) };
        let name = path.file_name().ok_or_else(|| io(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name")))?;
        let tmp = path.with_file_name(format!(".{}.partial", name.to_string_lossy()));
        let _guard = Cleanup(vec![tmp.clone(), journal(&tmp)]);
        let _ = std::fs::remove_file(&tmp);
        {
            let mut dst = Connection::open(&tmp).map_err(store_err)?;
            dst.busy_timeout(super::BUSY_TIMEOUT).map_err(store_err)?;
            copy_all(&self.conn, &mut dst).map_err(store_err)?;
            // One self-contained file: no -wal beside it.
            dst.pragma_update(None, "journal_mode", "DELETE").map_err(store_err)?;
            dst.close().map_err(|(_, e)| store_err(e))?;
        }
        std::fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

/// A checked backup: a private copy of the file, migrated to this build's schema. Removed when
/// dropped.
pub struct CheckedBackup {
    label: String,
    copy: PathBuf,
    /// The schema the file was made with.
    pub version: i64,
}

impl Drop for CheckedBackup {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.copy);
        let _ = std::fs::remove_file(journal(&self.copy));
    }
}

/// Checks that `file` is a sound Gutsy backup this build can read, without writing to it:
/// size, header, integrity, application id, schema. Returns a private copy migrated to the
/// current schema, made in `work_dir` (the library's folder, or the temporary directory).
pub fn check_backup(file: &Path, work_dir: &Path) -> Result<CheckedBackup, BackupError> {
    let label = file.display().to_string();
    let io = |e: std::io::Error| BackupError::Io { path: label.clone(), message: e.to_string() };
    let size = std::fs::metadata(file).map_err(io)?.len();
    if size > MAX_BACKUP_BYTES {
        return Err(BackupError::TooBig { path: label, size, limit: MAX_BACKUP_BYTES });
    }
    check_header(file, &label, size)?;
    // Read-only, and immutable: SQLite neither writes nor looks for a journal beside the file.
    let ro = open_read_only(file).map_err(|e| sqlite_refusal(&label, e))?;
    let problems: Vec<String> = (|| {
        let mut stmt = ro.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect::<Result<Vec<_>, _>>()
    })()
    .map_err(|e| sqlite_refusal(&label, e))?;
    if problems != ["ok"] {
        let message = problems.into_iter().take(3).collect::<Vec<_>>().join("; ");
        return Err(BackupError::Corrupt { path: label, message });
    }
    let app: i64 = ro.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| sqlite_refusal(&label, e))?;
    let version: i64 = ro.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| sqlite_refusal(&label, e))?;
    let tables: i64 = ro
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('recipe', 'meta')", [], |r| r.get(0))
        .map_err(|e| sqlite_refusal(&label, e))?;
    // Libraries from before schema 9 carry no application id: known by their tables.
    let gutsy = tables == 2 && (app == APPLICATION_ID || (app == 0 && (1..9).contains(&version)));
    if !gutsy {
        return Err(BackupError::NotGutsy { path: label });
    }
    if version > schema::VERSION {
        return Err(BackupError::TooNew { path: label, found: version, known: schema::VERSION });
    }
    drop(ro);
    let copy = work_dir.join(format!(".gutsy-restore-{}-{}.db", std::process::id(), unique()));
    let checked = CheckedBackup { label: label.clone(), copy, version };
    std::fs::copy(file, &checked.copy).map_err(io)?;
    let mut conn = Connection::open(&checked.copy).map_err(|e| sqlite_refusal(&label, e))?;
    conn.pragma_update(None, "journal_mode", "DELETE").map_err(|e| sqlite_refusal(&label, e))?;
    schema::migrations().to_latest(&mut conn).map_err(|e| BackupError::Store { path: label.clone(), source: StoreError::Migration(e) })?;
    Ok(checked)
}

/// Restores `file` into `store` (see the module documentation). Nothing in the library changes
/// unless the whole file checks out; a merge or a replace is one write.
pub fn restore(store: &mut Store, file: &Path, mode: RestoreMode) -> Result<Restored, BackupError> {
    let work_dir = match store.conn.path().filter(|p| !p.is_empty()).map(Path::new).and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => std::env::temp_dir(),
    };
    let checked = check_backup(file, &work_dir)?;
    let label = checked.label.clone();
    let in_store = |e: StoreError| BackupError::Store { path: label.clone(), source: e };
    let src = Connection::open_with_flags(&checked.copy, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| sqlite_refusal(&label, e))?;
    let restored = match mode {
        RestoreMode::Replace => {
            copy_all(&src, &mut store.conn).map_err(|e| in_store(StoreError::Sqlite(e)))?;
            // The list index is a cache of the old content; derived rows follow the model.
            store.index.replace(None);
            store.stale.clear();
            store.refresh_model().map_err(in_store)?;
            let count = |sql: &str| store.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as usize);
            Restored {
                recipes_added: count("SELECT count(*) FROM recipe").map_err(|e| in_store(e.into()))?,
                plans_added: count("SELECT count(*) FROM plan").map_err(|e| in_store(e.into()))?,
                settings_added: count("SELECT count(*) FROM setting").map_err(|e| in_store(e.into()))?,
                ..Restored::default()
            }
        }
        RestoreMode::Merge => {
            let r = merge(&src, &mut store.conn).map_err(in_store)?;
            store.index.replace(None);
            r
        }
    };
    Ok(restored)
}

/// A recipe row of a backup.
struct BackupRecipe {
    uid: String,
    title: String,
    origin: String,
    bundle_key: Option<String>,
    edited: bool,
    format: String,
    path: Option<String>,
    text: String,
    created: String,
    updated: String,
}

fn merge(src: &Connection, conn: &mut Connection) -> Result<Restored, StoreError> {
    let recipes: Vec<BackupRecipe> = {
        let mut stmt = src.prepare(
            "SELECT uid, title, origin, bundle_key, edited, source_format, source_path, source_text, created_at, updated_at
             FROM recipe ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BackupRecipe {
                uid: r.get(0)?,
                title: r.get(1)?,
                origin: r.get(2)?,
                bundle_key: r.get(3)?,
                edited: r.get(4)?,
                format: r.get(5)?,
                path: r.get(6)?,
                text: r.get(7)?,
                created: r.get(8)?,
                updated: r.get(9)?,
            })
        })?;
        rows.collect::<Result<_, _>>()?
    };
    let catalog = Catalog::bundled();
    let mut report = Restored::default();
    let tx = conn.transaction()?;
    for r in recipes {
        let hash = super::content_hash(&r.text);
        // Present: the same stable id, or (ids differ between libraries for the bundled
        // recipes) the same bundled file, or the very same text (the import's identity rule).
        let present: i64 = tx.query_row(
            "SELECT count(*) FROM recipe WHERE uid = ?1 OR bundle_key = ?2 OR source_hash = ?3",
            params![r.uid, r.bundle_key, hash],
            |row| row.get(0),
        )?;
        let gone: i64 = tx.query_row("SELECT count(*) FROM tombstone WHERE bundle_key = ?1", [&r.bundle_key], |row| row.get(0))?;
        if present > 0 || gone > 0 {
            report.recipes_present += 1;
            continue;
        }
        let label = r.path.clone().or(r.bundle_key.clone()).unwrap_or_else(|| r.title.clone());
        let parsed =
            r.format.parse::<SourceFormat>().map_err(|m| m.to_string()).and_then(|f| f.parse(&label, &r.text).map_err(|e| e.to_string()));
        let mut recipe = match parsed {
            Ok(recipe) => recipe,
            Err(message) => {
                report.recipes_failed.push(message);
                continue;
            }
        };
        recipe.id = r.uid.clone();
        recipe.slug = unique_slug(&tx, &recipe.title, None)?;
        tx.execute(
            "INSERT INTO recipe (uid, slug, title, origin, bundle_key, edited, source_format, source_path, source_hash, source_text, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![r.uid, recipe.slug, recipe.title, r.origin, r.bundle_key, r.edited, r.format, r.path, hash, r.text, r.created, r.updated],
        )?;
        let rowid = tx.last_insert_rowid();
        // Its photo comes along (before the derived rows: the card says it has one).
        let photo: Option<(String, Vec<u8>)> = src
            .prepare_cached("SELECT p.mime, p.bytes FROM recipe_photo p JOIN recipe r ON r.id = p.recipe_id WHERE r.uid = ?1")?
            .query_row([&r.uid], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        // Checked like any photo given to the library; one that is not an image stays behind.
        if let Some(photo) = photo.and_then(|(mime, bytes)| crate::import::Photo { mime, bytes }.checked(&label).ok()) {
            super::photo::put(&tx, rowid, Some(&photo))?;
        }
        derive::write(&tx, catalog, rowid, &recipe)?;
        report.recipes_added += 1;
    }
    // Plans by stable id; a name taken by another plan gets " (restored)".
    type PlanRow = (i64, String, String, String, i64, String, i64, String, String, String);
    let plans: Vec<PlanRow> = {
        let mut stmt =
            src.prepare("SELECT id, uid, name, start, days, meals, servings, settings, created_at, updated_at FROM plan ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    for (src_id, uid, name, start, days, meals, servings, settings, created, updated) in plans {
        let present: i64 = tx.query_row("SELECT count(*) FROM plan WHERE uid = ?1", [&uid], |r| r.get(0))?;
        if present > 0 {
            report.plans_present += 1;
            continue;
        }
        let mut free = name.clone();
        let mut n = 1;
        while tx.query_row("SELECT count(*) FROM plan WHERE name = ?1", [&free], |r| r.get::<_, i64>(0))? > 0 {
            free = if n == 1 { format!("{name} (restored)") } else { format!("{name} (restored {n})") };
            n += 1;
        }
        tx.execute(
            "INSERT INTO plan (uid, name, start, days, meals, servings, settings, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![uid, free, start, days, meals, servings, settings, created, updated],
        )?;
        let rowid = tx.last_insert_rowid();
        let mut stmt = src.prepare("SELECT day, meal, recipe_uid, title, servings, locked FROM plan_slot WHERE plan_id = ?1")?;
        let slots = stmt.query_map([src_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })?;
        for slot in slots {
            let (day, meal, recipe, title, servings, locked) = slot?;
            tx.execute(
                "INSERT INTO plan_slot (plan_id, day, meal, recipe_uid, title, servings, locked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![rowid, day, meal, recipe, title, servings, locked],
            )?;
        }
        report.plans_added += 1;
    }
    let settings: Vec<(String, String)> = {
        let mut stmt = src.prepare("SELECT key, value FROM setting")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (key, value) in settings {
        report.settings_added +=
            tx.execute("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING", params![key, value])?;
    }
    set_meta(&tx, "restored", &now())?;
    tx.commit()?;
    Ok(report)
}

/// Copies every page of `from` into `to` in one step (one write transaction on `to`), waiting
/// for another process's write lock as long as the busy timeout would.
fn copy_all(from: &Connection, to: &mut Connection) -> Result<(), rusqlite::Error> {
    let backup = Backup::new(from, to)?;
    let deadline = std::time::Instant::now() + super::BUSY_TIMEOUT;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            StepResult::Busy | StepResult::Locked => {
                return Err(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None))
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    }
}

/// The file header, read by hand: SQLite itself reads a truncated file's missing pages as
/// zeros in places, so the length is checked against the page count the header states.
fn check_header(file: &Path, label: &str, size: u64) -> Result<(), BackupError> {
    use std::io::Read;
    let mut header = [0u8; 100];
    let read = std::fs::File::open(file)
        .and_then(|mut f| f.read(&mut header))
        .map_err(|e| BackupError::Io { path: label.to_string(), message: e.to_string() })?;
    if read < 100 || &header[..16] != b"SQLite format 3\0" {
        return Err(BackupError::NotSqlite { path: label.to_string() });
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return Err(BackupError::NotSqlite { path: label.to_string() }),
    };
    let pages = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    // The page count is valid when the "version-valid-for" number matches the change counter.
    let valid = header[92..96] == header[24..28];
    let expected = pages * page_size;
    if size < page_size || size % page_size != 0 || (valid && pages > 0 && size < expected) {
        return Err(BackupError::Truncated { path: label.to_string(), expected: expected.max(page_size), found: size });
    }
    Ok(())
}

fn open_read_only(file: &Path) -> Result<Connection, rusqlite::Error> {
    let uri = format!("file:{}?immutable=1", uri_path(file));
    Connection::open_with_flags(uri, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX)
}

/// A path as the path part of an SQLite `file:` URI (percent-encoding what must be).
fn uri_path(file: &Path) -> String {
    let full = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let mut out = String::new();
    for b in full.to_string_lossy().bytes() {
        match b {
            b'?' | b'#' | b'%' | b'&' | b'=' | b' ' => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    out
}

fn sqlite_refusal(label: &str, e: rusqlite::Error) -> BackupError {
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            BackupError::NotSqlite { path: label.into() }
        }
        rusqlite::Error::SqliteFailure(f, m) if f.code == rusqlite::ErrorCode::DatabaseCorrupt => {
            BackupError::Corrupt { path: label.into(), message: m.unwrap_or_else(|| "database disk image is malformed".into()) }
        }
        other => BackupError::Store { path: label.into(), source: StoreError::Sqlite(other) },
    }
}

fn journal(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push("-journal");
    PathBuf::from(p)
}

fn unique() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

/// Removes temporary files when a backup stops half-way.
struct Cleanup(Vec<PathBuf>);

impl Drop for Cleanup {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = std::fs::remove_file(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library;
    use crate::planner::PlanSettings;

    const MINE: &str = "---\ntitle: Backup Kraut\nservings: 4\nmeal: [snack]\n---\nMy own way with @red cabbage{1%kg} and @salt{20%g}.\n";
    const OTHER: &str = "---\ntitle: Backup Bowl\nservings: 2\nmeal: [lunch]\n---\nCook @brown rice{1%cup} with @kimchi{1/2%cup}.\n";
    const THIRD: &str = "---\ntitle: Quixotic Soup\nservings: 2\nmeal: [dinner]\n---\nSimmer @lentils{1%cup} in @water{1%l}.\n";

    /// What a library holds, as the cook sees it.
    #[derive(Debug, PartialEq)]
    struct Snapshot {
        recipes: Vec<(String, String, String)>,
        plans: Vec<(String, String, usize)>,
        settings: String,
        cards: usize,
    }

    fn snapshot(store: &Store) -> Snapshot {
        let mut recipes: Vec<(String, String, String)> = {
            let mut stmt = store.conn.prepare("SELECT uid, title, source_text FROM recipe").unwrap();
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
        };
        recipes.sort();
        let mut plans: Vec<(String, String, usize)> = store
            .plans()
            .unwrap()
            .into_iter()
            .map(|p| {
                let slots = store.plan(&p.id).unwrap().unwrap().slots.len();
                (p.id, p.name, slots)
            })
            .collect();
        plans.sort();
        let cards = store.list(&crate::filter::Filter::default()).unwrap().len();
        Snapshot { recipes, plans, settings: serde_json::to_string(&store.settings().unwrap()).unwrap(), cards }
    }

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
    }

    fn plan(store: &mut Store, name: &str) {
        let new = library::NewPlan::week(Some(name.to_string()), day(), PlanSettings::default());
        library::generate_plan(store, &new, day()).unwrap();
    }

    /// A library on disk with a recipe of the cook's, a plan and settings.
    fn filled(dir: &Path, name: &str) -> Store {
        let (mut store, _) = library::open(&dir.join(name)).unwrap();
        store.import_text("mine", MINE).unwrap();
        store.import_text("other", OTHER).unwrap();
        plan(&mut store, "Week one");
        let mut s = store.settings().unwrap();
        s.household = 3;
        store.save_settings(&s).unwrap();
        store
    }

    #[test]
    fn a_backup_restored_over_a_changed_library_gives_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = filled(dir.path(), "lib.db");
        let before = snapshot(&store);
        let file = dir.path().join("backups/monday.gutsy");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        store.backup_to(&file).unwrap();
        assert_eq!(std::fs::read_dir(file.parent().unwrap()).unwrap().count(), 1, "no temporary file left");
        let conn = Connection::open(&file).unwrap();
        let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!((app, mode.as_str()), (APPLICATION_ID, "delete"));
        drop(conn);

        store.delete("backup-kraut").unwrap();
        store.import_text("third", THIRD).unwrap();
        assert_eq!(store.search("quixotic").unwrap().len(), 1);
        plan(&mut store, "Week two");
        store.rename_plan("Week one", "Renamed").unwrap();
        store.save_settings(&crate::settings::Settings::default()).unwrap();
        assert_ne!(snapshot(&store), before);

        let r = restore(&mut store, &file, RestoreMode::Replace).unwrap();
        assert_eq!((r.recipes_added, r.plans_added), (before.recipes.len(), 1));
        assert_eq!(snapshot(&store), before);
        assert_eq!(store.find("Backup Kraut").unwrap().title, "Backup Kraut");
        assert!(store.search("quixotic").unwrap().is_empty(), "the search index is the backup's too");
        let mode: String = store.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal", "the library keeps its journal mode");
        drop(store);
        let (store, _) = library::open(&dir.path().join("lib.db")).unwrap();
        assert_eq!(snapshot(&store), before, "and so it stays after reopening");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(leftovers.iter().all(|n| !n.to_string_lossy().contains("restore")), "{leftovers:?}");
    }

    #[test]
    fn a_merge_adds_what_is_missing_and_counts() {
        let dir = tempfile::tempdir().unwrap();
        let source = filled(dir.path(), "a.db");
        let file = dir.path().join("a.backup");
        source.backup_to(&file).unwrap();
        let bundled = library::bundled_files().len();

        let (mut store, _) = library::open(&dir.path().join("b.db")).unwrap();
        store.import_text("other", OTHER).unwrap(); // the same text: already there
        store.import_text("third", THIRD).unwrap();
        plan(&mut store, "Week one"); // a name the backup's plan also has
        let r = restore(&mut store, &file, RestoreMode::Merge).unwrap();
        assert_eq!(r.recipes_added, 1, "{r:?}");
        assert_eq!(r.recipes_present, bundled + 1);
        assert!(r.recipes_failed.is_empty());
        assert_eq!((r.plans_added, r.plans_present, r.settings_added), (1, 0, 1));
        assert_eq!(store.count().unwrap(), bundled + 3);
        let mine = store.find("Backup Kraut").unwrap();
        assert_eq!(mine.id, source.find("Backup Kraut").unwrap().id, "the stable id comes along");
        assert!(store.search("Kraut").unwrap().contains(&mine.id), "derived and searchable");
        let names: Vec<String> = store.plans().unwrap().into_iter().map(|p| p.name).collect();
        assert!(names.contains(&"Week one (restored)".to_string()), "{names:?}");
        assert_eq!(store.settings().unwrap().household, 3);

        let again = restore(&mut store, &file, RestoreMode::Merge).unwrap();
        assert_eq!((again.recipes_added, again.plans_added, again.settings_added), (0, 0, 0));
        assert_eq!((again.recipes_present, again.plans_present), (bundled + 2, 1));
    }

    #[test]
    fn every_bad_file_is_refused_before_the_library_is_touched() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = filled(dir.path(), "lib.db");
        let good = dir.path().join("good.backup");
        store.backup_to(&good).unwrap();
        let bytes = std::fs::read(&good).unwrap();
        let before = snapshot(&store);
        let write = |name: &str, b: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, b).unwrap();
            p
        };

        let mut noise = vec![0u8; 64 * 1024];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for b in &mut noise {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
        let random = write("random.backup", &noise);
        let truncated = write("truncated.backup", &bytes[..bytes.len() / 2]);
        let mut scribbled = bytes.clone();
        for b in &mut scribbled[4096..4 * 4096] {
            *b = 0x5a;
        }
        let scribbled = write("scribbled.backup", &scribbled);
        let newer = write("newer.backup", &bytes);
        Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
        let foreign = dir.path().join("foreign.db");
        Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE song (title TEXT); INSERT INTO song VALUES ('x');").unwrap();
        let big = dir.path().join("big.backup");
        std::fs::File::create(&big).unwrap().set_len(MAX_BACKUP_BYTES + 1).unwrap();
        let missing = dir.path().join("missing.backup");

        for mode in [RestoreMode::Replace, RestoreMode::Merge] {
            let cases: [(&PathBuf, &str); 7] = [
                (&random, "not an SQLite database"),
                (&truncated, "truncated"),
                (&scribbled, "damaged"),
                (&newer, "made by a newer Gutsy"),
                (&foreign, "not a Gutsy library"),
                (&big, "over the limit of 2147483648 bytes"),
                (&missing, "missing.backup"),
            ];
            for (file, words) in cases {
                let e = restore(&mut store, file, mode).unwrap_err().to_string();
                assert!(e.contains(words), "{file:?}: {e}");
                assert!(e.contains(&file.display().to_string()), "the message names the file: {e}");
                assert_eq!(snapshot(&store), before, "{file:?} changed the library");
            }
        }
        let newer_bytes = std::fs::read(&newer).unwrap();
        assert!(newer_bytes.len() == bytes.len(), "the file checked is never written");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(leftovers.iter().all(|n| !n.to_string_lossy().contains("gutsy-restore")), "{leftovers:?}");
    }

    #[test]
    fn an_older_library_is_migrated_on_a_copy_and_merged() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("v1.db");
        {
            let mut conn = Connection::open(&old).unwrap();
            rusqlite_migration::Migrations::new(schema::migrations_v1()).to_latest(&mut conn).unwrap();
            conn.execute(
                "INSERT INTO recipe (slug, title, origin, source_path, source_text, body, created_at, updated_at)
                 VALUES ('backup-kraut', 'Backup Kraut', 'user', 'mine.cook', ?1, '{}', 'x', 'x')",
                [MINE],
            )
            .unwrap();
        }
        let untouched = std::fs::read(&old).unwrap();
        let (mut store, _) = library::open(&dir.path().join("lib.db")).unwrap();
        let r = restore(&mut store, &old, RestoreMode::Merge).unwrap();
        assert_eq!(r.recipes_added, 1, "{r:?}");
        assert_eq!(store.find("Backup Kraut").unwrap().servings, 4);
        assert_eq!(std::fs::read(&old).unwrap(), untouched, "the old file is migrated on a copy");
    }
}
