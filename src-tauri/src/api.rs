//! The commands' bodies, free of Tauri so tests can call them directly.

use chrono::NaiveDate;
use gutsy::catalog::{Catalog, Explanation};
use gutsy::export::pdf::{list_pdf, plan_pdf, recipe_pdf, Paper};
use gutsy::export::ListDoc;
use gutsy::library::{
    self, Filter, FilterSpec, ImportProgress, ImportReport, ListOptions, ListSource, NewPlan, PlanError, RecipeCheck, RecipeView,
    SaveSettingsError, ShoppingError, SwapChoice,
};
use gutsy::model::MealType;
use gutsy::planner::{default_plan_name, week_start_after, PlanView};
use gutsy::settings::Settings;
use gutsy::shopping::{list_doc, ShoppingList};
use gutsy::store::{default_db_path, BackupError, ListPage, PlanSummary, RestoreMode, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

/// What kind of failure an [`AppError`] is; the UI words each one (TypeScript checks it has
/// a sentence for every code, as the type is generated with ts-rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotADatabase,
    CannotOpen,
    TooNew,
    Database,
    Damaged,
    NotFound,
    Ambiguous,
    Import,
    BadFilter,
    NoPlan,
    BadSlot,
    BadName,
    BadSettings,
    BadPantry,
    CannotWrite,
    BadBackup,
    NoLibraryPath,
    Busy,
}

/// The one error shape crossing to the UI: a stable machine `code` and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError { code, message: message.into() }
    }
}

impl From<PlanError> for AppError {
    fn from(e: PlanError) -> AppError {
        match e {
            PlanError::Store(e) => AppError::from(e),
            PlanError::Filter(e) => AppError::new(ErrorCode::BadFilter, e.to_string()),
            PlanError::UnknownRuleTarget { .. } => AppError::new(ErrorCode::BadFilter, e.to_string()),
            PlanError::NotFound(_) => AppError::new(ErrorCode::NoPlan, e.to_string()),
            PlanError::NoSuchSlot { .. } | PlanError::DoesNotFit { .. } | PlanError::Leftover { .. } | PlanError::Servings(_) => {
                AppError::new(ErrorCode::BadSlot, e.to_string())
            }
            PlanError::EmptyName => AppError::new(ErrorCode::BadName, e.to_string()),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        let code = match &e {
            StoreError::NotADatabase { .. } => ErrorCode::NotADatabase,
            StoreError::Open { .. } => ErrorCode::CannotOpen,
            StoreError::TooNew { .. } => ErrorCode::TooNew,
            StoreError::Sqlite(_) | StoreError::Migration(_) => ErrorCode::Database,
            StoreError::Damaged { .. } => ErrorCode::Damaged,
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Ambiguous { .. } => ErrorCode::Ambiguous,
            StoreError::Import(_) => ErrorCode::Import,
            StoreError::PlanNameTaken(_) => ErrorCode::BadName,
        };
        AppError::new(code, e.to_string())
    }
}

/// Where the library is and how many recipes it holds (shown in the footer).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LibraryInfo {
    pub path: String,
    pub recipes: usize,
}

/// The library as app state: the open store, or why it could not be opened. It is opened
/// off the main thread after the window shows; commands wait for it. A cook may swap it for
/// a fresh or another library file (the damaged-library screen), so it can be reopened.
#[derive(Default)]
pub struct Library {
    state: Mutex<Slot>,
    opened: Condvar,
    /// Set by `import_cancel`: the running import stops before its next file.
    cancel_import: AtomicBool,
}

/// Where the library is: still opening, open, or failed (with the file it tried, if any).
#[derive(Default)]
enum Slot {
    #[default]
    Pending,
    Open(Box<Store>),
    Failed {
        error: AppError,
        path: Option<PathBuf>,
    },
}

/// Where the app keeps its library when no `GUTSY_DB` is set: the file the cook chose last
/// ("Open another library…"), else the core's default path shared with the CLI.
pub fn library_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GUTSY_DB") {
        return Some(PathBuf::from(p));
    }
    chosen_library().or_else(default_db_path)
}

/// The small file that remembers the library the cook opened last, beside the default library.
fn choice_file() -> Option<PathBuf> {
    default_db_path().map(|p| p.with_file_name("library-path.txt"))
}

fn chosen_library() -> Option<PathBuf> {
    let text = std::fs::read_to_string(choice_file()?).ok()?;
    let path = PathBuf::from(text.trim());
    (!text.trim().is_empty() && path.is_absolute()).then_some(path)
}

impl Library {
    /// A library that is not open yet: call [`Library::open_default`] (from a worker thread).
    pub fn pending() -> Library {
        Library::default()
    }

    /// Opens `GUTSY_DB` if set (tests), else the library chosen last or the default path.
    pub fn open_default(&self) {
        match library_path() {
            Some(path) => self.open_at(&path),
            None => self.set(Slot::Failed {
                error: AppError::new(
                    ErrorCode::NoLibraryPath,
                    "No home directory found, so Gutsy cannot tell where to keep your library. Set GUTSY_DB to a file path.",
                ),
                path: None,
            }),
        }
    }

    /// Opens the library at `path` (with the bundled recipes), replacing whatever was open.
    pub fn open_at(&self, path: &Path) {
        let slot = match library::open(path) {
            Ok((store, _warnings)) => Slot::Open(Box::new(store)),
            Err(e) => Slot::Failed { error: AppError::from(e), path: Some(path.to_path_buf()) },
        };
        self.set(slot);
    }

    fn set(&self, slot: Slot) {
        let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *state = slot;
        self.opened.notify_all();
    }

    /// A library opened at `path` (tests).
    pub fn open(path: &Path) -> Library {
        let lib = Library::pending();
        lib.open_at(path);
        lib
    }

    /// The file the library is (or failed to be) opened from, once it is known.
    pub fn path(&self) -> Option<PathBuf> {
        let state = self.wait();
        match &*state {
            Slot::Open(store) => Some(PathBuf::from(store.label())),
            Slot::Failed { path, .. } => path.clone(),
            Slot::Pending => None,
        }
    }

    fn wait(&self) -> std::sync::MutexGuard<'_, Slot> {
        let state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.opened.wait_while(state, |s| matches!(s, Slot::Pending)).unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the open store, waiting until the library has been opened.
    fn with<T>(&self, f: impl FnOnce(&Store) -> Result<T, AppError>) -> Result<T, AppError> {
        self.with_mut(|store| f(store))
    }

    /// [`Library::with`] for commands that write.
    fn with_mut<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, AppError>) -> Result<T, AppError> {
        let mut state = self.wait();
        match &mut *state {
            Slot::Open(store) => f(store),
            Slot::Failed { error, .. } => Err(error.clone()),
            Slot::Pending => Err(AppError::new(ErrorCode::Busy, "The library is still opening.")),
        }
    }
}

/// What the damaged-library screen shows and offers: the file, and where a fresh library goes.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LibraryProblem {
    /// The file that could not be opened, as a path a cook can find.
    pub path: Option<String>,
}

/// The library file the app could not open, for the damaged-library screen.
pub fn library_problem(library: &Library) -> LibraryProblem {
    LibraryProblem { path: library.path().map(|p| p.display().to_string()) }
}

/// "Start a new library": the unreadable file is moved aside (never deleted) and a fresh
/// library is opened at the same path. Returns a sentence naming where the old file went.
pub fn start_new_library(library: &Library) -> Result<String, AppError> {
    let path = library.path().ok_or_else(|| AppError::new(ErrorCode::NoLibraryPath, "Gutsy does not know which file to replace."))?;
    let said = library::set_library_aside(&path, chrono::Local::now().naive_local())
        .map_err(|e| AppError::new(ErrorCode::CannotWrite, e.to_string()))?;
    library.open_at(&path);
    library.with(|_| Ok(()))?;
    Ok(said)
}

/// "Open another library…": opens the chosen file and remembers it for the next start.
pub fn open_other_library(library: &Library, path: &Path) -> Result<(), AppError> {
    library.open_at(path);
    library.with(|_| Ok(()))?;
    if std::env::var_os("GUTSY_DB").is_none() {
        if let Some(file) = choice_file() {
            // Remembering is a convenience: the library is open either way.
            let _ = std::fs::write(file, path.display().to_string());
        }
    }
    Ok(())
}

fn catalog() -> &'static Catalog {
    Catalog::bundled()
}

/// Cards the screen shows at once; the rest come a page at a time ("Show more").
pub const PAGE: usize = 120;

/// One page of the library through a filter, and how many recipes pass it in all.
pub fn list_recipes(library: &Library, spec: &FilterSpec, offset: usize) -> Result<ListPage, AppError> {
    let filter = Filter::from_spec(catalog(), spec).map_err(|e| AppError::new(ErrorCode::BadFilter, e.to_string()))?;
    library.with(|store| Ok(store.list_page(&filter, offset, PAGE)?))
}

fn recipe(store: &Store, id: &str) -> Result<gutsy::model::Recipe, AppError> {
    store.recipe(id)?.ok_or_else(|| AppError::from(StoreError::NotFound(id.to_string())))
}

/// A recipe scaled to `servings`, with the optional lines that `exclude` rules out dropped.
pub fn recipe_view(library: &Library, id: &str, servings: Option<u32>, exclude: &[String]) -> Result<RecipeView, AppError> {
    let spec = FilterSpec { exclude: exclude.to_vec(), ..FilterSpec::default() };
    let filter = Filter::from_spec(catalog(), &spec).map_err(|e| AppError::new(ErrorCode::BadFilter, e.to_string()))?;
    library.with(|store| {
        let recipe = recipe(store, id)?;
        let servings = servings.unwrap_or(recipe.servings);
        Ok(library::recipe_view(catalog(), &recipe, servings, &filter))
    })
}

/// The recipe's photo (type and bytes) for the `photo:` protocol; `None` when it has none.
pub fn photo(library: &Library, id: &str) -> Result<Option<gutsy::import::Photo>, AppError> {
    library.with(|store| store.photo(id).map_err(AppError::from))
}

pub fn explain_ingredient(library: &Library, id: &str, index: usize) -> Result<Explanation, AppError> {
    library.with(|store| {
        let recipe = recipe(store, id)?;
        let line = recipe
            .ingredients
            .get(index)
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, format!("recipe {id:?} has no ingredient {}", index + 1)))?;
        Ok(catalog().explain_line(line))
    })
}

/// The editor's live check of Cooklang text (nothing is stored).
pub fn recipe_check(text: &str) -> RecipeCheck {
    library::check_recipe(catalog(), text)
}

/// The Cooklang text the editor opens for a stored recipe.
pub fn recipe_source(library: &Library, id: &str) -> Result<String, AppError> {
    library.with(|store| Ok(library::editable_text(store, id)?))
}

/// Saves the editor's text as a new recipe (`id` `None`) or over recipe `id` (same id);
/// returns the recipe's id.
pub fn recipe_save(library: &Library, id: Option<&str>, text: &str) -> Result<String, AppError> {
    library.with_mut(|store| Ok(library::save_recipe_text(store, id, text)?.id))
}

pub fn library_info(library: &Library) -> Result<LibraryInfo, AppError> {
    library.with(|store| Ok(LibraryInfo { path: store.label().to_string(), recipes: store.count()? }))
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// What the Planner screen opens with: the saved plans, the week to offer, the cook's settings.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PlannerState {
    pub plans: Vec<PlanSummary>,
    /// The next week to plan (Monday on or after today).
    #[ts(type = "string")]
    pub default_start: NaiveDate,
    pub settings: Settings,
}

pub fn planner_state(library: &Library) -> Result<PlannerState, AppError> {
    let start = week_start_after(today());
    library.with(|store| Ok(PlannerState { plans: store.plans()?, default_start: start, settings: store.settings()? }))
}

/// A saved plan (by id or name); `None` when there is none by that key.
pub fn plan_show(library: &Library, plan: &str) -> Result<Option<PlanView>, AppError> {
    library.with(|store| match library::show_plan(store, plan, today()) {
        Ok(view) => Ok(Some(view)),
        Err(PlanError::NotFound(_)) => Ok(None),
        Err(e) => Err(e.into()),
    })
}

/// Generates (and saves under `name`, or "Week of …" when blank) a week from `start` with the settings' household, rules
/// and habits, these exclusions and leftovers choice.
pub fn plan_generate(
    library: &Library,
    name: &str,
    start: NaiveDate,
    exclude: &[String],
    leftovers: bool,
    seed: u64,
) -> Result<PlanView, AppError> {
    library.with_mut(|store| {
        let settings = store.settings()?;
        let name = if name.trim().is_empty() { default_plan_name(start) } else { name.trim().to_string() };
        let mut new =
            NewPlan::from_settings(Some(name), start, &settings, seed).map_err(|e| AppError::new(ErrorCode::BadSettings, e.to_string()))?;
        new.settings.exclude = exclude.to_vec();
        new.settings.leftovers = leftovers;
        Ok(library::generate_plan(store, &new, today())?)
    })
}

pub fn plan_regenerate(library: &Library, plan: &str, seed: u64) -> Result<PlanView, AppError> {
    library.with_mut(|store| Ok(library::regenerate_plan(store, plan, Some(seed), today())?))
}

/// `day` counts from 0.
pub fn plan_lock(library: &Library, plan: &str, day: u32, meal: MealType, locked: bool) -> Result<PlanView, AppError> {
    library.with_mut(|store| Ok(library::lock_slot(store, plan, day, meal, locked, today())?))
}

pub fn plan_swap_choices(library: &Library, plan: &str, day: u32, meal: MealType) -> Result<Vec<SwapChoice>, AppError> {
    library.with(|store| Ok(library::swap_choices(store, plan, day, meal, 8, today())?))
}

pub fn plan_swap(library: &Library, plan: &str, day: u32, meal: MealType, recipe: &str) -> Result<PlanView, AppError> {
    library.with_mut(|store| Ok(library::swap_slot(store, plan, day, meal, recipe, today())?))
}

pub fn plan_move(library: &Library, plan: &str, from: (u32, MealType), to: (u32, MealType)) -> Result<PlanView, AppError> {
    library.with_mut(|store| Ok(library::move_slot(store, plan, from, to, today())?))
}

pub fn plan_servings(library: &Library, plan: &str, day: u32, meal: MealType, servings: u32) -> Result<PlanView, AppError> {
    library.with_mut(|store| Ok(library::set_servings(store, plan, day, meal, servings, today())?))
}

pub fn plan_rename(library: &Library, plan: &str, name: &str) -> Result<PlanView, AppError> {
    library.with_mut(|store| {
        library::rename_plan(store, plan, name)?;
        Ok(library::show_plan(store, name.trim(), today())?)
    })
}

pub fn plan_duplicate(library: &Library, plan: &str, name: &str) -> Result<PlanView, AppError> {
    library.with_mut(|store| Ok(library::duplicate_plan(store, plan, name, today())?))
}

pub fn plan_delete(library: &Library, plan: &str) -> Result<(), AppError> {
    library.with_mut(|store| match store.delete_plan(plan)? {
        true => Ok(()),
        false => Err(PlanError::NotFound(plan.to_string()).into()),
    })
}

/// What a shopping list is for.
#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ListFor {
    Plan { plan: String },
    Recipes { recipes: Vec<RecipeServings> },
}

#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RecipeServings {
    pub id: String,
    pub servings: Option<u32>,
}

/// A list, the key its check marks live under, and its printable layout.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ListView {
    pub key: String,
    pub list: ShoppingList,
    pub doc: ListDoc,
}

impl From<ShoppingError> for AppError {
    fn from(e: ShoppingError) -> AppError {
        match e {
            ShoppingError::Plan(e) => e.into(),
            ShoppingError::Store(e) => e.into(),
            ShoppingError::Pantry(_) | ShoppingError::Aisles(_) => AppError::new(ErrorCode::BadPantry, e.to_string()),
            ShoppingError::Servings(_) | ShoppingError::Nothing => AppError::new(ErrorCode::BadSlot, e.to_string()),
        }
    }
}

fn source(what: &ListFor) -> ListSource {
    match what {
        ListFor::Plan { plan } => ListSource::Plan(plan.clone()),
        ListFor::Recipes { recipes } => ListSource::Recipes(recipes.iter().map(|r| (r.id.clone(), r.servings)).collect()),
    }
}

fn made(store: &Store, what: &ListFor, ignore_pantry: bool) -> Result<library::MadeList, AppError> {
    let options = ListOptions { ignore_pantry, ..ListOptions::default() };
    Ok(library::shopping_list(store, &source(what), &options, today())?)
}

pub fn shopping_show(library: &Library, what: &ListFor, ignore_pantry: bool) -> Result<ListView, AppError> {
    library.with(|store| {
        let m = made(store, what, ignore_pantry)?;
        Ok(ListView { doc: list_doc(&m.list), key: m.key, list: m.list })
    })
}

pub fn shopping_check(library: &Library, list: &str, item: &str, checked: bool) -> Result<(), AppError> {
    library.with_mut(|store| Ok(store.set_checked(list, item, checked)?))
}

pub fn shopping_add(library: &Library, list: &str, text: &str) -> Result<(), AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::new(ErrorCode::BadName, "Type what to add first."));
    }
    library.with_mut(|store| store.add_extra(list, text).map(|_| ()).map_err(AppError::from))
}

pub fn shopping_remove(library: &Library, list: &str, item: &str) -> Result<(), AppError> {
    library.with_mut(|store| store.remove_extra(list, item).map(|_| ()).map_err(AppError::from))
}

/// The pantry as the cook keeps it (`pantry.conf` text), or the core's example.
pub fn pantry_text(library: &Library) -> Result<String, AppError> {
    library.with(|store| Ok(library::pantry_text(store)?))
}

pub fn pantry_save(library: &Library, text: &str) -> Result<(), AppError> {
    library.with_mut(|store| Ok(library::save_pantry(store, text)?))
}

/// What to save as PDF.
#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum PdfOf {
    List { what: ListFor, ignore_pantry: bool },
    Plan { plan: String },
    Recipe { id: String, servings: Option<u32> },
}

/// The PDF's bytes and a file name to offer ("shopping-list-week-of-mon-30-nov.pdf").
pub fn pdf_of(library: &Library, what: &PdfOf, paper: Paper) -> Result<(Vec<u8>, String), AppError> {
    let fail = |e: gutsy::export::pdf::PdfError| AppError::new(ErrorCode::CannotWrite, e.to_string());
    library.with(|store| match what {
        PdfOf::List { what, ignore_pantry } => {
            let m = made(store, what, *ignore_pantry)?;
            Ok((list_pdf(&list_doc(&m.list), paper).map_err(fail)?, format!("{}.pdf", gutsy::model::slugify(&m.list.title))))
        }
        PdfOf::Plan { plan } => {
            let view = library::show_plan(store, plan, today())?;
            let name = format!("{}.pdf", gutsy::model::slugify(view.name.as_deref().unwrap_or("plan")));
            Ok((plan_pdf(&view, paper).map_err(fail)?, name))
        }
        PdfOf::Recipe { id, servings } => {
            let recipe = recipe(store, id)?;
            let view = library::recipe_view(catalog(), &recipe, servings.unwrap_or(recipe.servings).clamp(1, 1000), &Filter::default());
            Ok((recipe_pdf(&view, paper).map_err(fail)?, format!("{}.pdf", recipe.slug)))
        }
    })
}

/// Writes `bytes` to `path` whole or not at all (the core's `write_whole`).
/// Imports files and folders on a connection of its own, so the library keeps answering the
/// other screens (WAL: readers never wait for this writer). `progress` hears of each file.
pub fn import_run(library: &Library, paths: &[String], progress: impl FnMut(&ImportProgress)) -> Result<ImportReport, AppError> {
    library.cancel_import.store(false, Ordering::Relaxed);
    let path = library.with(|store| Ok(PathBuf::from(store.label())))?;
    let mut store = Store::open(&path)?;
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    Ok(library::import_paths(&mut store, &paths, None, progress, &library.cancel_import)?)
}

pub fn import_cancel(library: &Library) {
    library.cancel_import.store(true, Ordering::Relaxed);
}

pub fn import_paste(library: &Library, text: &str) -> Result<ImportReport, AppError> {
    library.with_mut(|store| Ok(library::import_pasted(store, text)?))
}

/// A backup of the library written to `path`; the sentence to show.
pub fn backup_to(library: &Library, path: &Path) -> Result<String, AppError> {
    library.with(|store| {
        store.backup_to(path).map_err(backup_error)?;
        Ok(format!("Saved a backup of {} recipes to {}.", store.count()?, path.display()))
    })
}

/// Restores the backup `file` (merged, or replacing the library); the sentence to show.
pub fn restore_from(library: &Library, file: &Path, replace: bool) -> Result<String, AppError> {
    let mode = if replace { RestoreMode::Replace } else { RestoreMode::Merge };
    library.with_mut(|store| {
        let done = gutsy::store::restore(store, file, mode).map_err(backup_error)?;
        Ok(done.sentence(mode, &file.display().to_string()))
    })
}

fn backup_error(e: BackupError) -> AppError {
    match e {
        BackupError::Store { source, .. } => source.into(),
        BackupError::Io { .. } => AppError::new(ErrorCode::CannotWrite, e.to_string()),
        refused => AppError::new(ErrorCode::BadBackup, refused.to_string()),
    }
}

/// A plan as an iCalendar file's text, and the file name to offer.
pub fn plan_ical(library: &Library, plan: &str) -> Result<(Vec<u8>, String), AppError> {
    library.with(|store| {
        let view = library::show_plan(store, plan, today())?;
        let name = format!("{}.ics", gutsy::model::slugify(view.name.as_deref().unwrap_or("plan")));
        Ok((gutsy::export::ical::plan_ical(&view).0.into_bytes(), name))
    })
}

pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    gutsy::export::write_whole(path, bytes)
        .map_err(|e| AppError::new(ErrorCode::CannotWrite, format!("Cannot write {}: {e}", path.display())))
}

pub fn settings_save(library: &Library, settings: Settings) -> Result<Settings, AppError> {
    library.with_mut(|store| {
        library::save_settings(store, settings).map_err(|e| match e {
            SaveSettingsError::Store(e) => e.into(),
            invalid => AppError::new(ErrorCode::BadSettings, invalid.to_string()),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(&dir.path().join("library.db"));
        (dir, lib)
    }

    #[test]
    fn error_shape_is_code_and_message() {
        let e = AppError::from(StoreError::NotFound("gone".into()));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json, serde_json::json!({"code": "not_found", "message": "no recipe matches \"gone\""}));
        assert_eq!(json.as_object().unwrap().len(), 2);
    }

    #[test]
    fn garbage_file_gives_not_a_database_on_every_command() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("garbage.db");
        std::fs::write(&path, vec![0x5a_u8; 8192]).unwrap();
        let lib = Library::open(&path);
        let e = list_recipes(&lib, &FilterSpec::default(), 0).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotADatabase);
        assert!(e.message.contains("not a Gutsy library"), "{}", e.message);
        assert_eq!(recipe_view(&lib, "milk-kefir", None, &[]).unwrap_err(), e);
        assert_eq!(library_info(&lib).unwrap_err(), e);
    }

    #[test]
    fn commands_call_the_core() {
        let (_d, lib) = temp_library();
        let spec = FilterSpec { search: Some("kefir".into()), ..FilterSpec::default() };
        let titles: Vec<String> = list_recipes(&lib, &spec, 0).unwrap().cards.into_iter().map(|c| c.title).collect();
        assert!(titles.contains(&"Milk Kefir".to_string()) && titles.contains(&"Coconut Water Kefir".to_string()), "{titles:?}");
        let spec = FilterSpec { search: Some("kefir".into()), exclude: vec!["dairy".into()], ..FilterSpec::default() };
        let titles: Vec<String> = list_recipes(&lib, &spec, 0).unwrap().cards.into_iter().map(|c| c.title).collect();
        assert!(!titles.contains(&"Milk Kefir".to_string()) && titles.contains(&"Coconut Water Kefir".to_string()), "{titles:?}");

        let view = recipe_view(&lib, "milk-kefir", Some(4), &[]).unwrap();
        assert_eq!(view.servings, 4);
        let by_id = recipe_view(&lib, &view.recipe.id, None, &["dairy".to_string()]).unwrap();
        assert_eq!(by_id.recipe.slug, "milk-kefir");
        let e = recipe_view(&lib, "no-such-recipe", None, &[]).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
        let ex = explain_ingredient(&lib, "milk-kefir", 1).unwrap();
        assert!(!ex.reasons.is_empty());
        assert_eq!(explain_ingredient(&lib, "milk-kefir", 99).unwrap_err().code, ErrorCode::NotFound);
        assert!(library_info(&lib).unwrap().recipes > 10);
    }

    #[test]
    fn search_with_fts_operators_does_not_fail() {
        let (_d, lib) = temp_library();
        for q in ["\"kefir", "kefir AND (", "NEAR(\"a\" \"b\")", "*", "-milk ^ OR", "'; DROP TABLE recipes; --"] {
            let spec = FilterSpec { search: Some(q.into()), ..FilterSpec::default() };
            assert!(list_recipes(&lib, &spec, 0).is_ok(), "search {q:?} failed");
        }
    }

    #[test]
    fn unknown_exclusion_is_a_bad_filter() {
        let (_d, lib) = temp_library();
        let spec = FilterSpec { exclude: vec!["unobtainium".into()], ..FilterSpec::default() };
        assert_eq!(list_recipes(&lib, &spec, 0).unwrap_err().code, ErrorCode::BadFilter);
    }

    #[test]
    fn the_planner_commands_generate_lock_swap_move_and_keep_the_plans() {
        let (_dir, lib) = temp_library();
        let state = planner_state(&lib).unwrap();
        assert!(state.plans.is_empty(), "no plan before the first");
        assert_eq!(state.settings, Settings::default());
        assert_eq!(plan_show(&lib, "My week").unwrap(), None);
        let start = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let four = ["dairy", "gluten", "sugar", "alcohol"].map(String::from);
        let plan = plan_generate(&lib, "My week", start, &four, false, 7).unwrap();
        assert_eq!(plan.days.len(), 7);
        let id = plan.id.clone().unwrap();
        assert_eq!(plan_show(&lib, &id).unwrap().as_ref(), Some(&plan));
        let locked = plan_lock(&lib, &id, 1, MealType::Lunch, true).unwrap();
        assert!(locked.days[1].meals[1].locked);
        let kept = locked.days[1].meals[1].recipe.clone();
        let again = plan_regenerate(&lib, &id, 99).unwrap();
        assert_eq!(again.days[1].meals[1].recipe, kept);
        let choices = plan_swap_choices(&lib, &id, 0, MealType::Dinner).unwrap();
        let pick = &choices[0].recipe;
        let swapped = plan_swap(&lib, &id, 0, MealType::Dinner, &pick.id).unwrap();
        assert_eq!(swapped.days[0].meals[2].recipe.as_ref(), Some(pick));
        let e = plan_swap(&lib, &id, 0, MealType::Dinner, "Milk Kefir").unwrap_err();
        assert_eq!(e.code, ErrorCode::BadSlot);
        let moved = plan_move(&lib, &id, (0, MealType::Dinner), (2, MealType::Dinner)).unwrap();
        assert_eq!(moved.days[2].meals[2].recipe.as_ref(), Some(pick));
        assert_eq!(plan_servings(&lib, &id, 2, MealType::Dinner, 4).unwrap().days[2].meals[2].servings, 4);
        assert_eq!(plan_servings(&lib, &id, 2, MealType::Dinner, 0).unwrap_err().code, ErrorCode::BadSlot);

        let renamed = plan_rename(&lib, &id, "Advent").unwrap();
        assert_eq!((renamed.name.as_deref(), renamed.id.as_deref()), (Some("Advent"), Some(id.as_str())));
        let copy = plan_duplicate(&lib, &id, "Advent again").unwrap();
        assert_ne!(copy.id, renamed.id);
        assert_eq!(plan_duplicate(&lib, &id, "Advent again").unwrap_err().code, ErrorCode::BadName);
        assert_eq!(plan_rename(&lib, &id, "  ").unwrap_err().code, ErrorCode::BadName);
        assert_eq!(planner_state(&lib).unwrap().plans.len(), 2);
        plan_delete(&lib, &id).unwrap();
        assert_eq!(plan_delete(&lib, &id).unwrap_err().code, ErrorCode::NoPlan);
        assert_eq!(planner_state(&lib).unwrap().plans.len(), 1);
    }

    #[test]
    fn settings_are_saved_and_used_by_the_next_plan() {
        let (_dir, lib) = temp_library();
        let mine = Settings { household: 4, leftovers: true, ..Settings::default() };
        assert_eq!(settings_save(&lib, mine.clone()).unwrap(), mine);
        assert_eq!(planner_state(&lib).unwrap().settings, mine);
        let bad = Settings { rules: vec!["florp >= 2".into()], ..mine.clone() };
        assert_eq!(settings_save(&lib, bad).unwrap_err().code, ErrorCode::BadSettings);
        let plan = plan_generate(&lib, "Week", NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), &[], true, 1).unwrap();
        assert_eq!(plan.days[0].meals[0].servings, 4);
        assert!(plan.days[1].meals[1].leftover_of.is_some());
    }
}
