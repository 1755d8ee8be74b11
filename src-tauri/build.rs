fn main() {
    // Declaring the app's commands generates one permission per command (`allow-list-recipes`, …),
    // so capabilities/default.json can grant exactly these and nothing else.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(&[
        "list_recipes",
        "recipe_view",
        "explain_ingredient",
        "library_info",
        "planner_state",
        "plan_show",
        "plan_generate",
        "plan_regenerate",
        "plan_lock",
        "plan_swap_choices",
        "plan_swap",
        "plan_move",
        "plan_servings",
        "plan_rename",
        "plan_duplicate",
        "plan_delete",
        "settings_save",
        "shopping_show",
        "shopping_check",
        "shopping_add",
        "shopping_remove",
        "pantry_text",
        "pantry_save",
        "save_pdf",
        "recipe_check",
        "recipe_source",
        "recipe_save",
    ])))
    .expect("tauri-build failed");
}
