//! Gutsy's desktop shell: Tauri commands that call the `gutsy` core and map its results.
//! No SQL, parsing or filtering here: each command opens the library state, calls one or two
//! core functions and turns a core error into [`AppError`], the one error shape the UI knows.

pub mod api;
pub mod menu;
pub mod zoom;

use api::{AppError, ErrorCode, Library};
use chrono::NaiveDate;
use gutsy::catalog::Explanation;
use gutsy::export::pdf::Paper;
use gutsy::library::{FilterSpec, FoodSuggestion, ImportProgress, ImportReport, RecipeCheck, RecipeView, SwapChoice, Vocabulary};
use gutsy::model::MealType;
use gutsy::planner::PlanView;
use gutsy::settings::Settings;
use gutsy::store::ListPage;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::State;

/// Runs a command body on the blocking pool, never on the main (UI) thread.
async fn off_main<T: Send + 'static>(
    library: State<'_, Arc<Library>>,
    f: impl FnOnce(&Library) -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let library = Arc::clone(&library);
    tauri::async_runtime::spawn_blocking(move || f(&library))
        .await
        .map_err(|e| AppError::new(ErrorCode::Busy, format!("The command stopped unexpectedly: {e}")))?
}

#[tauri::command]
async fn list_recipes(library: State<'_, Arc<Library>>, spec: FilterSpec, offset: Option<usize>) -> Result<ListPage, AppError> {
    off_main(library, move |l| api::list_recipes(l, &spec, offset.unwrap_or(0))).await
}

#[tauri::command]
async fn recipe_view(
    library: State<'_, Arc<Library>>,
    id: String,
    servings: Option<u32>,
    exclude: Option<Vec<String>>,
) -> Result<RecipeView, AppError> {
    off_main(library, move |l| api::recipe_view(l, &id, servings, &exclude.unwrap_or_default())).await
}

#[tauri::command]
async fn explain_ingredient(library: State<'_, Arc<Library>>, id: String, index: usize) -> Result<Explanation, AppError> {
    off_main(library, move |l| api::explain_ingredient(l, &id, index)).await
}

#[tauri::command]
async fn recipe_check(library: State<'_, Arc<Library>>, text: String) -> Result<RecipeCheck, AppError> {
    off_main(library, move |_| Ok(api::recipe_check(&text))).await
}

#[tauri::command]
async fn recipe_source(library: State<'_, Arc<Library>>, id: String) -> Result<String, AppError> {
    off_main(library, move |l| api::recipe_source(l, &id)).await
}

#[tauri::command]
async fn recipe_save(library: State<'_, Arc<Library>>, id: Option<String>, text: String) -> Result<String, AppError> {
    off_main(library, move |l| api::recipe_save(l, id.as_deref(), &text)).await
}

#[tauri::command]
async fn library_info(library: State<'_, Arc<Library>>) -> Result<api::LibraryInfo, AppError> {
    off_main(library, api::library_info).await
}

#[tauri::command]
async fn planner_state(library: State<'_, Arc<Library>>) -> Result<api::PlannerState, AppError> {
    off_main(library, api::planner_state).await
}

#[tauri::command]
async fn plan_show(library: State<'_, Arc<Library>>, plan: String) -> Result<Option<PlanView>, AppError> {
    off_main(library, move |l| api::plan_show(l, &plan)).await
}

#[tauri::command]
async fn plan_generate(
    library: State<'_, Arc<Library>>,
    name: String,
    start: NaiveDate,
    exclude: Vec<String>,
    leftovers: bool,
    seed: u64,
) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_generate(l, &name, start, &exclude, leftovers, seed)).await
}

#[tauri::command]
async fn plan_regenerate(library: State<'_, Arc<Library>>, plan: String, seed: u64) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_regenerate(l, &plan, seed)).await
}

#[tauri::command]
async fn plan_lock(library: State<'_, Arc<Library>>, plan: String, day: u32, meal: MealType, locked: bool) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_lock(l, &plan, day, meal, locked)).await
}

#[tauri::command]
async fn plan_swap_choices(library: State<'_, Arc<Library>>, plan: String, day: u32, meal: MealType) -> Result<Vec<SwapChoice>, AppError> {
    off_main(library, move |l| api::plan_swap_choices(l, &plan, day, meal)).await
}

#[tauri::command]
async fn plan_swap(library: State<'_, Arc<Library>>, plan: String, day: u32, meal: MealType, recipe: String) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_swap(l, &plan, day, meal, &recipe)).await
}

#[tauri::command]
async fn plan_move(
    library: State<'_, Arc<Library>>,
    plan: String,
    from_day: u32,
    from_meal: MealType,
    to_day: u32,
    to_meal: MealType,
) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_move(l, &plan, (from_day, from_meal), (to_day, to_meal))).await
}

#[tauri::command]
async fn plan_servings(
    library: State<'_, Arc<Library>>,
    plan: String,
    day: u32,
    meal: MealType,
    servings: u32,
) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_servings(l, &plan, day, meal, servings)).await
}

#[tauri::command]
async fn plan_rename(library: State<'_, Arc<Library>>, plan: String, name: String) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_rename(l, &plan, &name)).await
}

#[tauri::command]
async fn plan_duplicate(library: State<'_, Arc<Library>>, plan: String, name: String) -> Result<PlanView, AppError> {
    off_main(library, move |l| api::plan_duplicate(l, &plan, &name)).await
}

#[tauri::command]
async fn plan_delete(library: State<'_, Arc<Library>>, plan: String) -> Result<(), AppError> {
    off_main(library, move |l| api::plan_delete(l, &plan)).await
}

#[tauri::command]
async fn shopping_show(library: State<'_, Arc<Library>>, what: api::ListFor, ignore_pantry: bool) -> Result<api::ListView, AppError> {
    off_main(library, move |l| api::shopping_show(l, &what, ignore_pantry)).await
}

#[tauri::command]
async fn shopping_check(library: State<'_, Arc<Library>>, list: String, item: String, checked: bool) -> Result<(), AppError> {
    off_main(library, move |l| api::shopping_check(l, &list, &item, checked)).await
}

#[tauri::command]
async fn shopping_add(library: State<'_, Arc<Library>>, list: String, text: String) -> Result<(), AppError> {
    off_main(library, move |l| api::shopping_add(l, &list, &text)).await
}

#[tauri::command]
async fn shopping_remove(library: State<'_, Arc<Library>>, list: String, item: String) -> Result<(), AppError> {
    off_main(library, move |l| api::shopping_remove(l, &list, &item)).await
}

#[tauri::command]
async fn pantry_text(library: State<'_, Arc<Library>>) -> Result<String, AppError> {
    off_main(library, api::pantry_text).await
}

#[tauri::command]
async fn pantry_save(library: State<'_, Arc<Library>>, text: String) -> Result<(), AppError> {
    off_main(library, move |l| api::pantry_save(l, &text)).await
}

/// Where to save a file named `name`: `GUTSY_SAVE_DIR` (tests) or the native save dialog,
/// `None` when the cook cancels.
async fn save_path(
    app: tauri::AppHandle,
    name: String,
    filter: (&'static str, &'static [&'static str]),
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = std::env::var_os("GUTSY_SAVE_DIR") {
        return Ok(Some(PathBuf::from(dir).join(&name)));
    }
    use tauri_plugin_dialog::DialogExt;
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().add_filter(filter.0, filter.1).set_file_name(&name).blocking_save_file()
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Busy, format!("The save dialog stopped unexpectedly: {e}")))?;
    Ok(chosen.and_then(|p| p.into_path().ok()))
}

/// Files (or one folder) the cook picks to open: `GUTSY_OPEN_PATHS` (tests; paths joined as in
/// `PATH`) or the native dialog. Empty when the cook cancels.
async fn open_paths(
    app: tauri::AppHandle,
    folder: bool,
    filter: Option<(&'static str, &'static [&'static str])>,
) -> Result<Vec<PathBuf>, AppError> {
    if let Some(paths) = std::env::var_os("GUTSY_OPEN_PATHS") {
        return Ok(std::env::split_paths(&paths).collect());
    }
    use tauri_plugin_dialog::DialogExt;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        let mut dialog = app.dialog().file();
        if let Some((name, extensions)) = filter {
            dialog = dialog.add_filter(name, extensions);
        }
        if folder {
            dialog.blocking_pick_folder().into_iter().collect::<Vec<_>>()
        } else {
            dialog.blocking_pick_files().unwrap_or_default()
        }
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Busy, format!("The open dialog stopped unexpectedly: {e}")))?;
    Ok(picked.into_iter().filter_map(|p| p.into_path().ok()).collect())
}

/// Writes `bytes` whole at `path` off the main thread; the path as text.
async fn write_off_main(path: PathBuf, bytes: Vec<u8>) -> Result<String, AppError> {
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || api::write_file(&written, &bytes))
        .await
        .map_err(|e| AppError::new(ErrorCode::Busy, format!("Saving stopped unexpectedly: {e}")))??;
    Ok(path.display().to_string())
}

/// Renders the PDF, asks where to save it and writes it whole. `None` when the cook cancels.
#[tauri::command]
async fn save_pdf(
    app: tauri::AppHandle,
    library: State<'_, Arc<Library>>,
    what: api::PdfOf,
    paper: Paper,
) -> Result<Option<String>, AppError> {
    let (bytes, name) = off_main(library, move |l| api::pdf_of(l, &what, paper)).await?;
    let Some(path) = save_path(app, name, ("PDF", &["pdf"])).await? else { return Ok(None) };
    write_off_main(path, bytes).await.map(Some)
}

/// The plan as an iCalendar file, saved where the cook says. `None` when the cook cancels.
#[tauri::command]
async fn save_ical(app: tauri::AppHandle, library: State<'_, Arc<Library>>, plan: String) -> Result<Option<String>, AppError> {
    let (bytes, name) = off_main(library, move |l| api::plan_ical(l, &plan)).await?;
    let Some(path) = save_path(app, name, ("Calendar", &["ics"])).await? else { return Ok(None) };
    write_off_main(path, bytes).await.map(Some)
}

/// Paths of recipe files, or of one folder, to import.
#[tauri::command]
async fn import_pick(app: tauri::AppHandle, kind: String) -> Result<Vec<String>, AppError> {
    let filter = ("Recipes", &["cook", "html", "htm", "json", "jsonld"][..]);
    let paths = open_paths(app, kind == "folder", (kind != "folder").then_some(filter)).await?;
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// Imports `paths`, telling `on_progress` of each file as it is saved.
#[tauri::command]
async fn import_run(
    library: State<'_, Arc<Library>>,
    paths: Vec<String>,
    on_progress: tauri::ipc::Channel<ImportProgress>,
) -> Result<ImportReport, AppError> {
    off_main(library, move |l| api::import_run(l, &paths, |p| drop(on_progress.send(p.clone())))).await
}

#[tauri::command]
async fn import_cancel(library: State<'_, Arc<Library>>) -> Result<(), AppError> {
    api::import_cancel(&library);
    Ok(())
}

#[tauri::command]
async fn import_paste(library: State<'_, Arc<Library>>, text: String) -> Result<ImportReport, AppError> {
    off_main(library, move |l| api::import_paste(l, &text)).await
}

/// Saves a backup of the library where the cook says; the sentence to show, `None` if cancelled.
#[tauri::command]
async fn backup_save(app: tauri::AppHandle, library: State<'_, Arc<Library>>) -> Result<Option<String>, AppError> {
    let name = gutsy::store::backup_file_name(chrono::Local::now().date_naive());
    let Some(path) = save_path(app, name, ("Gutsy backup", &["db"])).await? else { return Ok(None) };
    off_main(library, move |l| api::backup_to(l, &path)).await.map(Some)
}

/// Restores a backup the cook picks (merged, or replacing the library); the sentence to show.
#[tauri::command]
async fn restore_pick(app: tauri::AppHandle, library: State<'_, Arc<Library>>, replace: bool) -> Result<Option<String>, AppError> {
    let Some(file) = open_paths(app, false, Some(("Gutsy backup", &["db"]))).await?.into_iter().next() else { return Ok(None) };
    off_main(library, move |l| api::restore_from(l, &file, replace)).await.map(Some)
}

#[tauri::command]
async fn settings_save(library: State<'_, Arc<Library>>, settings: Settings) -> Result<Settings, AppError> {
    off_main(library, move |l| api::settings_save(l, settings)).await
}

/// The filters' vocabulary (triggers, allergens, gut attributes, meals, time limits).
#[tauri::command]
async fn vocabulary() -> Vocabulary {
    gutsy::library::vocabulary()
}

/// Catalog foods for what the cook types in the "exclude a food" box.
#[tauri::command]
async fn suggest_foods(typed: String) -> Vec<FoodSuggestion> {
    gutsy::library::suggest_foods(gutsy::catalog::Catalog::bundled(), &typed, 8)
}

/// The library file that could not be opened, for the damaged-library screen.
#[tauri::command]
async fn library_problem(library: State<'_, Arc<Library>>) -> Result<api::LibraryProblem, AppError> {
    off_main(library, |l| Ok(api::library_problem(l))).await
}

/// Moves the unreadable library aside and starts a fresh one; the sentence to show.
#[tauri::command]
async fn library_start_new(library: State<'_, Arc<Library>>) -> Result<String, AppError> {
    off_main(library, api::start_new_library).await
}

/// Opens a library file the cook picks; false if they cancelled.
#[tauri::command]
async fn library_open_other(app: tauri::AppHandle, library: State<'_, Arc<Library>>) -> Result<bool, AppError> {
    let Some(file) = open_paths(app, false, Some(("Gutsy library", &["db"]))).await?.into_iter().next() else { return Ok(false) };
    off_main(library, move |l| api::open_other_library(l, &file)).await.map(|()| true)
}

/// Shows the library file in the system's file manager.
#[tauri::command]
async fn library_show_in_folder(library: State<'_, Arc<Library>>) -> Result<(), AppError> {
    let path = off_main(library, |l| Ok(l.path())).await?;
    let path = path.ok_or_else(|| AppError::new(ErrorCode::NoLibraryPath, "Gutsy does not know where your library is."))?;
    tauri_plugin_opener::reveal_item_in_dir(&path)
        .map_err(|e| AppError::new(ErrorCode::CannotOpen, format!("The file manager could not show {}: {e}", path.display())))
}

/// Zooms the page one step (Ctrl+= / Ctrl+- / Ctrl+0 in the page; the View menu does the same).
#[tauri::command]
async fn zoom(app: tauri::AppHandle, step: zoom::ZoomStep) -> Result<f64, AppError> {
    menu::apply_zoom(&app, step).map_err(|e| AppError::new(ErrorCode::Busy, format!("The page could not be zoomed: {e}")))
}

/// Quits (Ctrl+Q in the page; File › Quit does the same), saving the window's size and place.
#[tauri::command]
async fn quit(app: tauri::AppHandle) {
    app.exit(0);
}

/// Serves recipe photos to the page as `photo://localhost/<recipe id>` (the page builds the URL
/// with `convertFileSrc(id, "photo")`): the bytes from the library, typed by their content, or
/// 404 when the recipe has no photo. Off the main thread, like the commands.
fn serve_photo<R: tauri::Runtime>(
    ctx: tauri::UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
    responder: tauri::UriSchemeResponder,
) {
    use tauri::http::{header, Response, StatusCode};
    use tauri::Manager;
    let library = Arc::clone(ctx.app_handle().state::<Arc<Library>>().inner());
    let path = request.uri().path().trim_start_matches('/').to_string();
    tauri::async_runtime::spawn_blocking(move || {
        let id = percent_encoding::percent_decode_str(&path).decode_utf8_lossy().into_owned();
        let response = match api::photo(&library, &id) {
            Ok(Some(photo)) => Response::builder().header(header::CONTENT_TYPE, photo.mime).body(photo.bytes),
            Ok(None) | Err(_) => Response::builder().status(StatusCode::NOT_FOUND).body(Vec::new()),
        };
        match response {
            Ok(r) => responder.respond(r),
            Err(_) => responder.respond(Response::new(Vec::new())),
        }
    });
}

/// Builds and runs the app. The window shows at once; the library opens on a worker thread
/// (a first start loads the bundled recipes, an upgrade re-derives facts) and commands wait for
/// it. If opening fails the app still runs and every command returns the error, so the UI can
/// say what went wrong.
pub fn run() {
    let library = Arc::new(Library::pending());
    let opening = Arc::clone(&library);
    std::thread::spawn(move || opening.open_default());
    tauri::Builder::default()
        // First, so a second launch only focuses the running window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            use tauri::Manager;
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // Save dialogs are opened from Rust (save_pdf); the webview gets no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        .manage(library)
        .manage(zoom::Zoom::default())
        .register_asynchronous_uri_scheme_protocol("photo", serve_photo)
        .menu(menu::build)
        .on_menu_event(menu::on_event)
        .invoke_handler(tauri::generate_handler![
            list_recipes,
            recipe_view,
            explain_ingredient,
            library_info,
            planner_state,
            plan_show,
            plan_generate,
            plan_regenerate,
            plan_lock,
            plan_swap_choices,
            plan_swap,
            plan_move,
            plan_servings,
            plan_rename,
            plan_duplicate,
            plan_delete,
            settings_save,
            shopping_show,
            shopping_check,
            shopping_add,
            shopping_remove,
            pantry_text,
            pantry_save,
            save_pdf,
            recipe_check,
            recipe_source,
            recipe_save,
            save_ical,
            import_pick,
            import_run,
            import_cancel,
            import_paste,
            backup_save,
            restore_pick,
            vocabulary,
            suggest_foods,
            library_problem,
            library_start_new,
            library_open_other,
            library_show_in_folder,
            zoom,
            quit
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Gutsy app");
}
