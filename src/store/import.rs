//! Importing recipes: one source, or many in a pipeline (parse and derive facts on one thread,
//! write on the caller's) with each file in its own savepoint and a commit per batch.

use super::derive::SearchRow;
use super::{content_hash, derive, now, photo, row_where, unique_slug, Row, Saved, Store, StoreError};
use crate::catalog::Catalog;
use crate::facts::{recipe_facts, RecipeFacts};
use crate::import::{find_photo, ImportError, Photo, Source, SourceFormat};
use crate::model::Recipe;
use rusqlite::{params, Connection};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Files per commit in [`Store::import_all`]. Each file is still all-or-nothing (a savepoint);
/// the batch only saves the commit, and the WAL checkpoint and FTS segment flush behind it, per
/// file — the difference between ~500 and several thousand recipes a second.
pub const BATCH: usize = 500;

/// A recipe saved by an import, with what the cook should hear about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub recipe: Recipe,
    pub saved: Saved,
    /// Problems that did not stop the import, in words a cook reads, each naming its file: a
    /// photo that was not used (not an image, too large, not found).
    pub warnings: Vec<String>,
}

/// One source, parsed and with its facts derived and its photo read, ready to be written.
struct Parsed {
    source: Source,
    recipe: Recipe,
    facts: RecipeFacts,
    photo: Option<Photo>,
    warnings: Vec<String>,
}

/// Parses a source and finds its photo (files beside it are read here: on the worker thread
/// of a batch).
fn parse(catalog: &Catalog, source: Source) -> Result<Parsed, ImportError> {
    let (recipe, images) = source.format.parse_with_images(&source.label, &source.text)?;
    let facts = recipe_facts(catalog, &recipe);
    let (photo, problems) = find_photo(&source, &images);
    let warnings = problems.iter().map(|e| format!("{e}; the recipe was imported without a photo")).collect();
    Ok(Parsed { source, recipe, facts, photo, warnings })
}

impl Store {
    /// Imports a recipe from its source, with its photo ([`find_photo`]). The same file (by
    /// canonical path) or the same text (by content hash) updates its recipe, which keeps its
    /// id; anything else is a new recipe. A photo that came with the source replaces the stored
    /// one (a different photo alone makes an unchanged recipe `Replaced`); a source without one
    /// leaves the stored photo alone; a bad photo is a warning. Nothing is written if parsing
    /// fails. One transaction.
    pub fn import(&mut self, source: &Source) -> Result<Imported, StoreError> {
        let parsed = parse(Catalog::bundled(), source.clone())?;
        let tx = self.conn.transaction()?;
        let (imported, search) = write(&tx, parsed)?;
        if let Some(row) = search {
            row.write(&tx)?;
        }
        tx.commit()?;
        Ok(imported)
    }

    /// Imports text that came from no file (tests, pasted text): identity by content only. The
    /// format is sniffed ([`SourceFormat::sniff`]): JSON or an HTML page is JSON-LD, anything
    /// else Cooklang.
    pub fn import_text(&mut self, label: &str, text: &str) -> Result<Imported, StoreError> {
        self.import(&Source { format: SourceFormat::sniff(text), label: label.to_string(), text: text.to_string(), path: None })
    }

    /// Imports many sources (a folder, a selection of files): `sources` yields each source or
    /// the error reading it, and runs on a worker thread together with parsing. `each` hears of
    /// every source, in order, once its recipe is committed (or with its error). A file that
    /// fails leaves nothing behind and does not stop the others; an error of the library itself
    /// stops the import and is returned, with the batches committed before it kept.
    pub fn import_all<I>(&mut self, sources: I, each: impl FnMut(String, Result<Imported, StoreError>)) -> Result<(), StoreError>
    where
        I: IntoIterator<Item = Result<Source, ImportError>>,
        I::IntoIter: Send,
    {
        self.import_all_until(sources, &AtomicBool::new(false), each)
    }

    /// [`Store::import_all`] that stops before the next file once `cancel` is set: the files
    /// written so far are committed (and reported), the rest are neither written nor reported.
    pub fn import_all_until<I>(
        &mut self,
        sources: I,
        cancel: &AtomicBool,
        mut each: impl FnMut(String, Result<Imported, StoreError>),
    ) -> Result<(), StoreError>
    where
        I: IntoIterator<Item = Result<Source, ImportError>>,
        I::IntoIter: Send,
    {
        let catalog = Catalog::bundled();
        let sources = sources.into_iter();
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel::<(String, Result<Parsed, ImportError>)>(64);
            scope.spawn(move || {
                for source in sources {
                    let item = match source {
                        Ok(s) => (s.label.clone(), parse(catalog, s)),
                        Err(e) => (e.path().to_string(), Err(e)),
                    };
                    if send.send(item).is_err() {
                        return; // the writer stopped on a library error
                    }
                }
            });
            let mut pending: Vec<(String, Result<Imported, StoreError>)> = Vec::new();
            let mut search: Vec<SearchRow> = Vec::new();
            let mut tx = self.conn.transaction()?;
            for (label, parsed) in receive {
                if cancel.load(Ordering::Relaxed) {
                    break; // dropping the receiver stops the worker
                }
                let result = match parsed {
                    Err(e) => Err(StoreError::Import(e)),
                    Ok(p) => {
                        let sp = tx.savepoint()?;
                        match write(&sp, p) {
                            Ok((imported, row)) => {
                                sp.commit()?;
                                if let Some(row) = row {
                                    // A recipe written twice in a batch keeps its last text.
                                    search.retain(|r| r.rowid() != row.rowid());
                                    search.push(row);
                                }
                                Ok(imported)
                            }
                            // Anything but a bad file is the library's problem: stop.
                            Err(e @ (StoreError::Sqlite(_) | StoreError::Migration(_) | StoreError::NotADatabase { .. })) => return Err(e),
                            Err(e) => Err(e),
                        }
                    }
                };
                pending.push((label, result));
                if pending.len() >= BATCH {
                    search.drain(..).try_for_each(|row| row.write(&tx))?;
                    tx.commit()?;
                    pending.drain(..).for_each(|(l, r)| each(l, r));
                    tx = self.conn.transaction()?;
                }
            }
            search.drain(..).try_for_each(|row| row.write(&tx))?;
            tx.commit()?;
            pending.drain(..).for_each(|(l, r)| each(l, r));
            Ok(())
        })
    }
}

/// Writes one parsed source inside `tx` (a transaction or savepoint) by the identity rules, its
/// photo with it; returns the search row still to write when the recipe was added or changed.
fn write(tx: &Connection, parsed: Parsed) -> Result<(Imported, Option<SearchRow>), StoreError> {
    let Parsed { source, mut recipe, facts, photo, warnings } = parsed;
    let hash = content_hash(&source.text);
    let path = source.path.as_ref().map(|p| p.to_string_lossy().into_owned());
    let by_path = match &path {
        Some(p) => row_where(tx, "source_path = ?1 AND origin = 'user'", p)?,
        None => None,
    };
    let (row, mut saved) = match by_path {
        Some(row) if row.hash == hash => (row, Saved::Unchanged),
        Some(row) => (row, Saved::Replaced),
        None => match row_where(tx, "source_hash = ?1", &hash)? {
            Some(row) => {
                // The same text from elsewhere: a moved file, or a copy of a stored one.
                if row.origin == "user" {
                    if let Some(p) = &path {
                        let old: Option<String> = tx.query_row("SELECT source_path FROM recipe WHERE id = ?1", [row.id], |r| r.get(0))?;
                        if old.as_deref().is_none_or(|o| !Path::new(o).exists()) {
                            tx.execute("UPDATE recipe SET source_path = ?2 WHERE id = ?1", params![row.id, p])?;
                        }
                    }
                }
                (row, Saved::Unchanged)
            }
            None => {
                let uid = uuid::Uuid::new_v4().to_string();
                let slug = unique_slug(tx, &recipe.title, None)?;
                tx.execute(
                    "INSERT INTO recipe (uid, slug, title, origin, source_format, source_path, source_hash, source_text, created_at, updated_at)
                     VALUES (?1, ?2, ?3, 'user', ?4, ?5, ?6, ?7, ?8, ?8)",
                    params![uid, slug, recipe.title, source.format.as_str(), path, hash, source.text, now()],
                )?;
                let id = tx.last_insert_rowid();
                (Row { id, uid, slug, hash: hash.clone(), origin: "user".into() }, Saved::Added)
            }
        },
    };
    recipe.id = row.uid.clone();
    // Before the derived rows, so the card says whether there is a photo. Only a photo that
    // came with the source is written: an import never removes the cook's photo.
    if let Some(p) = &photo {
        if photo::put(tx, row.id, Some(p))? && saved == Saved::Unchanged {
            saved = Saved::Replaced; // the same text with a new photo: the recipe changed
            tx.execute("UPDATE recipe SET updated_at = ?2 WHERE id = ?1", params![row.id, now()])?;
        }
    }
    let search = match saved {
        Saved::Unchanged => {
            recipe.slug = row.slug;
            None
        }
        Saved::Replaced if row.hash == hash => {
            recipe.slug = row.slug; // only the photo changed: nothing to derive again
            None
        }
        Saved::Replaced => {
            recipe.slug = unique_slug(tx, &recipe.title, Some(row.id))?;
            tx.execute(
                "UPDATE recipe SET slug = ?2, title = ?3, source_format = ?4, source_hash = ?5, source_text = ?6, updated_at = ?7 WHERE id = ?1",
                params![row.id, recipe.slug, recipe.title, source.format.as_str(), hash, source.text, now()],
            )?;
            derive::write_facts(tx, Catalog::bundled(), row.id, &recipe, &facts)?;
            Some(SearchRow::new(row.id, &recipe))
        }
        Saved::Added => {
            recipe.slug = row.slug;
            derive::write_facts(tx, Catalog::bundled(), row.id, &recipe, &facts)?;
            Some(SearchRow::new(row.id, &recipe))
        }
    };
    Ok((Imported { recipe, saved, warnings }, search))
}
