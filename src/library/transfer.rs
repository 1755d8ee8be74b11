//! Recipes in and out of the library as files: importing files and folders with a result per
//! file (the CLI's `recipes import`, the app's import), and exporting recipes to a folder, one
//! file each, written whole.

use crate::export::{cook, write_whole};
use crate::filter::Filter;
use crate::import::{collect_files, read_source, SourceFormat};
use crate::model::{slugify, Recipe};
use crate::store::{Imported, Saved, Store, StoreError};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// How far an import has come: `done` of `total` files, the last one `file`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub file: String,
}

/// What became of one file of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ImportOutcome {
    /// A new recipe.
    Added,
    /// The recipe from this file (or with this text) was updated; it keeps its id.
    Updated,
    /// The same text was already stored.
    Unchanged,
    /// Nothing was saved: see the error (a cancelled import's remaining files too).
    Failed,
}

/// One file of an import and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FileResult {
    /// The file as the cook named it (or as found in a named folder).
    pub file: String,
    pub outcome: ImportOutcome,
    /// The recipe's id, slug and title, when it was imported.
    pub id: Option<String>,
    pub slug: Option<String>,
    pub title: Option<String>,
    /// Why it was not imported, in the core's words (naming the file, and the line where there
    /// is one).
    pub error: Option<String>,
    /// What went wrong without stopping the import, in the core's words, each naming its file:
    /// a photo beside the recipe (or in the page) that was not used.
    pub warnings: Vec<String>,
}

/// An import's results, one per file in the order the files were found, and their counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportReport {
    pub files: Vec<FileResult>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Files not imported (cancelled ones included).
    pub failed: usize,
    /// The import was cancelled: the files from the first one not written on are failed with
    /// "not imported (cancelled)"; those written before stay.
    pub cancelled: bool,
    /// The outcome in a sentence: "3 recipes imported: 2 new, 1 updated. 1 file failed."
    pub summary: String,
}

impl ImportReport {
    /// Files whose recipe is in the library now (added, updated or unchanged).
    pub fn imported(&self) -> usize {
        self.added + self.updated + self.unchanged
    }

    fn new(capacity: usize) -> ImportReport {
        ImportReport {
            files: Vec::with_capacity(capacity),
            added: 0,
            updated: 0,
            unchanged: 0,
            failed: 0,
            cancelled: false,
            summary: String::new(),
        }
    }

    /// Sets `summary` from the counts.
    fn summarize(mut self) -> ImportReport {
        let imported = self.imported();
        let mut parts = Vec::new();
        for (n, word) in [(self.added, "new"), (self.updated, "updated"), (self.unchanged, "unchanged")] {
            if n > 0 {
                parts.push(format!("{n} {word}"));
            }
        }
        let mut s = match imported {
            0 => "No recipe imported.".to_string(),
            1 => format!("1 recipe imported: {}.", parts.join(", ")),
            n => format!("{n} recipes imported: {}.", parts.join(", ")),
        };
        match self.failed {
            0 => {}
            1 => s.push_str(" 1 file failed."),
            n => s.push_str(&format!(" {n} files failed.")),
        }
        match self.files.iter().map(|f| f.warnings.len()).sum::<usize>() {
            0 => {}
            1 => s.push_str(" 1 warning."),
            n => s.push_str(&format!(" {n} warnings.")),
        }
        if self.cancelled {
            s.push_str(" Cancelled: the files after the last saved one were not imported.");
        }
        self.summary = s;
        self
    }

    fn push(&mut self, result: FileResult) {
        match result.outcome {
            ImportOutcome::Added => self.added += 1,
            ImportOutcome::Updated => self.updated += 1,
            ImportOutcome::Unchanged => self.unchanged += 1,
            ImportOutcome::Failed => self.failed += 1,
        }
        self.files.push(result);
    }
}

fn imported(file: String, imported: Imported) -> FileResult {
    let Imported { recipe, saved, warnings } = imported;
    let outcome = match saved {
        Saved::Added => ImportOutcome::Added,
        Saved::Replaced => ImportOutcome::Updated,
        Saved::Unchanged => ImportOutcome::Unchanged,
    };
    FileResult { file, outcome, id: Some(recipe.id), slug: Some(recipe.slug), title: Some(recipe.title), error: None, warnings }
}

fn failed(file: String, error: String) -> FileResult {
    FileResult { file, outcome: ImportOutcome::Failed, id: None, slug: None, title: None, error: Some(error), warnings: Vec::new() }
}

/// Imports files and folders (recipe files found in them, recursively) into the library, each
/// file saved whole or not at all, in batches ([`Store::import_all`]). `format` overrides the
/// files' extensions. `progress` hears of every file once it is committed (or failed). Setting
/// `cancel` stops before the next file: the files already written are committed and stay, the
/// rest are reported "not imported (cancelled)". A bad file is a result, never an error; an
/// error is the library's own (the import stops, the batches committed before it stay).
pub fn import_paths(
    store: &mut Store,
    paths: &[PathBuf],
    format: Option<SourceFormat>,
    mut progress: impl FnMut(&ImportProgress),
    cancel: &AtomicBool,
) -> Result<ImportReport, StoreError> {
    let (files, walk_errors) = collect_files(paths);
    let total = files.len() + walk_errors.len();
    let mut report = ImportReport::new(total);
    for e in walk_errors {
        let file = e.path().to_string();
        report.push(failed(file.clone(), e.to_string()));
        progress(&ImportProgress { done: report.files.len(), total, file });
    }
    let sources = files.iter().map(|path| read_source(path, format));
    store.import_all_until(sources, cancel, |file, result| {
        let result = match result {
            Ok(i) => imported(file, i),
            Err(e) => failed(file, e.to_string()),
        };
        let file = result.file.clone();
        report.push(result);
        progress(&ImportProgress { done: report.files.len(), total, file });
    })?;
    let reported = report.files.len();
    if reported < total {
        // Only a cancel leaves files unreported.
        report.cancelled = cancel.load(Ordering::Relaxed);
        for path in &files[reported - (total - files.len())..] {
            let file = path.display().to_string();
            report.push(failed(file.clone(), format!("{file}: not imported (cancelled)")));
        }
    }
    Ok(report.summarize())
}

/// Imports text the cook pasted (Cooklang, or schema.org JSON-LD as a document or a whole
/// saved page: the format is sniffed), as one result named "pasted text". A text that does not
/// parse is a failed result with the reason; nothing is written then.
pub fn import_pasted(store: &mut Store, text: &str) -> Result<ImportReport, StoreError> {
    const LABEL: &str = "pasted text";
    let mut report = ImportReport::new(1);
    let result = match store.import_text(LABEL, text) {
        Ok(i) => imported(LABEL.into(), i),
        Err(StoreError::Import(e)) => failed(LABEL.into(), e.to_string()),
        Err(e) => return Err(e),
    };
    report.push(result);
    Ok(report.summarize())
}

/// One recipe of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportedFile {
    /// The recipe's id, or the id or slug asked for when there is no such recipe.
    pub id: String,
    pub title: Option<String>,
    /// The file written.
    pub file: Option<String>,
    /// The recipe's photo, written beside the file with the same name and the photo's
    /// extension (`pancakes.cook`, `pancakes.jpg`); `None` when it has none.
    pub photo: Option<String>,
    /// Why nothing (or, with `file` set, not the photo) was written.
    pub error: Option<String>,
}

/// An export's results, one per recipe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportReport {
    pub files: Vec<ExportedFile>,
    /// Recipes written whole (with their photo, when they have one).
    pub written: usize,
    /// Recipes missing, or not written whole (see each file's `error`).
    pub failed: usize,
}

/// Why an export could not start or go on.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: cannot create the export folder: {message}")]
    Folder { path: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The text of a recipe in `format`, and the file extension. The one place an export format is
/// chosen: a new format adds its arm here (its writer lives in `export/`).
fn render(format: SourceFormat, recipe: &Recipe, stored: Option<(SourceFormat, &str)>) -> (&'static str, String) {
    match format {
        SourceFormat::Cooklang => (cook::EXTENSION, cook::recipe_cooklang(recipe, stored)),
        // Pretty-printed: a cook may read or diff it. A `Value` always serializes.
        SourceFormat::JsonLd => ("json", serde_json::to_string_pretty(&crate::export::recipe_jsonld(recipe)).unwrap_or_default()),
    }
}

/// A file stem for the recipe: its slug (or its title's), made unique with `-2`, `-3`… so that
/// `taken` is false for the stem with every one of `extensions` (the recipe's and its photo's).
fn file_stem(recipe: &Recipe, extensions: &[&str], taken: impl Fn(&str) -> bool) -> String {
    let base = if recipe.slug.is_empty() { slugify(&recipe.title) } else { recipe.slug.clone() };
    (1..)
        .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
        .find(|stem| extensions.iter().all(|ext| !taken(&format!("{stem}.{ext}"))))
        .unwrap_or_default()
}

/// Exports recipes (by id or slug; `None`: the whole library, in title order) into `out_dir`
/// (created if needed), one file each named after its slug, never over an existing file
/// (`-2`, `-3`…), each written whole ([`write_whole`]), and a recipe's photo beside its file
/// with the same stem (Cooklang's convention, which the import reads back). A recipe exported
/// in the format it was imported in is its stored text, byte for byte. A missing recipe or a
/// failed write is a result; an error is the library's own or the folder's.
pub fn export_recipes(store: &Store, ids: Option<&[String]>, format: SourceFormat, out_dir: &Path) -> Result<ExportReport, ExportError> {
    std::fs::create_dir_all(out_dir).map_err(|e| ExportError::Folder { path: out_dir.display().to_string(), message: e.to_string() })?;
    let ids: Vec<String> = match ids {
        Some(ids) => ids.to_vec(),
        None => store.list(&Filter::default())?.into_iter().map(|c| c.id).collect(),
    };
    let mut report = ExportReport { files: Vec::with_capacity(ids.len()), written: 0, failed: 0 };
    let mut used: HashSet<String> = HashSet::new();
    for key in ids {
        let Some(recipe) = store.recipe(&key)? else {
            report.failed += 1;
            let error = StoreError::NotFound(key.clone()).to_string();
            report.files.push(ExportedFile { id: key, title: None, file: None, photo: None, error: Some(error) });
            continue;
        };
        let stored = store.source(&recipe.id)?;
        let (extension, text) = render(format, &recipe, stored.as_ref().map(|(f, t)| (*f, t.as_str())));
        // A damaged photo is this recipe's problem, not the export's.
        let (photo, photo_error) = match store.photo(&recipe.id) {
            Ok(p) => (p, None),
            Err(e @ StoreError::Damaged { .. }) => (None, Some(e.to_string())),
            Err(e) => return Err(e.into()),
        };
        let extensions: Vec<&str> = [Some(extension), photo.as_ref().map(|p| p.extension())].into_iter().flatten().collect();
        let stem = file_stem(&recipe, &extensions, |n| used.contains(&n.to_lowercase()) || out_dir.join(n).exists());
        for ext in &extensions {
            used.insert(format!("{stem}.{ext}").to_lowercase());
        }
        let path = out_dir.join(format!("{stem}.{extension}"));
        let file = path.display().to_string();
        let mut entry = ExportedFile { id: recipe.id, title: Some(recipe.title), file: None, photo: None, error: photo_error };
        match write_whole(&path, text.as_bytes()) {
            Ok(()) => entry.file = Some(file),
            Err(e) => entry.error = Some(format!("{file}: cannot write: {e}")),
        }
        if let (Some(photo), Some(_)) = (&photo, &entry.file) {
            let path = out_dir.join(format!("{stem}.{}", photo.extension()));
            let file = path.display().to_string();
            match write_whole(&path, &photo.bytes) {
                Ok(()) => entry.photo = Some(file),
                Err(e) => entry.error = Some(format!("{file}: cannot write the photo: {e}")),
            }
        }
        if entry.error.is_none() {
            report.written += 1;
        } else {
            report.failed += 1;
        }
        report.files.push(entry);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_imports_in_any_format_and_the_summary_says_what_happened() {
        let mut store = Store::open_in_memory().unwrap();
        let r = import_pasted(&mut store, "---\ntitle: Quick Kraut\nservings: 2\n---\nSalt @cabbage{1%kg}.\n").unwrap();
        assert_eq!((r.added, r.failed, r.files[0].title.as_deref()), (1, 0, Some("Quick Kraut")));
        assert_eq!(r.summary, "1 recipe imported: 1 new.");
        let ld =
            r#"{"@context": "https://schema.org", "@type": "Recipe", "name": "Beet Kvass", "recipeIngredient": ["3 beets", "1 tsp salt"]}"#;
        let r = import_pasted(&mut store, ld).unwrap();
        assert_eq!(r.files[0].title.as_deref(), Some("Beet Kvass"));
        assert_eq!(import_pasted(&mut store, ld).unwrap().summary, "1 recipe imported: 1 unchanged.");
        let bad = import_pasted(&mut store, "<html><body>no recipe here</body></html>").unwrap();
        assert_eq!((bad.failed, bad.files[0].outcome), (1, ImportOutcome::Failed));
        assert!(bad.files[0].error.as_deref().is_some_and(|e| e.starts_with("pasted text: ")), "{:?}", bad.files[0].error);
        assert_eq!(bad.summary, "No recipe imported. 1 file failed.");
        assert_eq!(store.count().unwrap(), 2);
    }

    #[test]
    fn a_cancelled_import_says_so() {
        let mut r = ImportReport::new(0);
        r.push(failed("a.cook".into(), "a.cook: not imported (cancelled)".into()));
        r.added = 2;
        r.cancelled = true;
        let s = r.summarize().summary;
        assert!(s.starts_with("2 recipes imported: 2 new. 1 file failed. Cancelled"), "{s}");
    }
}
