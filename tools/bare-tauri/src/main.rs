//! The bare Tauri template, in the shape `create-tauri-app` gives (vanilla front end): one
//! window with a small styled page and a form that calls one `greet` command, and the opener
//! plugin registered. The e2e check measures it beside Gutsy on the same machine in the same run.

#[tauri::command]
fn greet(name: &str) -> String {
    format!("Hello, {name}! You've been greeted from Rust!")
}

fn main() {
    tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(tauri::generate_handler![greet])
        .run(tauri::generate_context!())
        .expect("error while running the bare Tauri template");
}
