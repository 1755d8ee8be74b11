//! The bare Tauri template: one window showing one static page, nothing else. The e2e memory
//! check measures it beside Gutsy on the same machine in the same run.

fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("error while running the bare Tauri template");
}
