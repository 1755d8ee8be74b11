//! Gutsy's desktop shell: Tauri commands that call the `gutsy` core and map its results.
//! No SQL, parsing or filtering here: each command opens the library state, calls one or two
//! core functions and turns a core error into [`AppError`], the one error shape the UI knows.

pub mod api;

use api::{AppError, Library};
use gutsy::catalog::Explanation;
use gutsy::library::{FilterSpec, RecipeCard, RecipeView};
use tauri::State;

#[tauri::command]
fn list_recipes(library: State<'_, Library>, spec: FilterSpec) -> Result<Vec<RecipeCard>, AppError> {
    api::list_recipes(&library, &spec)
}

#[tauri::command]
fn recipe_view(library: State<'_, Library>, id: String, servings: Option<u32>) -> Result<RecipeView, AppError> {
    api::recipe_view(&library, &id, servings)
}

#[tauri::command]
fn explain_ingredient(library: State<'_, Library>, id: String, index: usize) -> Result<Explanation, AppError> {
    api::explain_ingredient(&library, &id, index)
}

#[tauri::command]
fn library_info(library: State<'_, Library>) -> Result<api::LibraryInfo, AppError> {
    api::library_info(&library)
}

/// Builds and runs the app. The library is opened before the window appears; if that fails the
/// app still starts and every command returns the error, so the UI can say what went wrong.
pub fn run() {
    let library = Library::open_default();
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
        .manage(library)
        .invoke_handler(tauri::generate_handler![list_recipes, recipe_view, explain_ingredient, library_info])
        .run(tauri::generate_context!())
        .expect("error while running the Gutsy app");
}
