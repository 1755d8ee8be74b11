//! The native menu bar: File, Edit (where the platform offers one), View and Help.
//! Zoom and Quit act here; every other item is sent to the page as a `menu` event carrying a
//! [`MenuAction`], and the page does what the same keyboard shortcut does.

use crate::zoom::{Zoom, ZoomStep};
use serde::Serialize;
use tauri::menu::{AboutMetadataBuilder, Menu, MenuBuilder, MenuEvent, MenuItemBuilder, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// A menu item the page carries out (its screens and focus live there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MenuAction {
    NewRecipe,
    Import,
    Settings,
    Find,
    Library,
    Planner,
}

impl MenuAction {
    const ALL: [MenuAction; 6] =
        [MenuAction::NewRecipe, MenuAction::Import, MenuAction::Settings, MenuAction::Find, MenuAction::Library, MenuAction::Planner];

    /// The item's id: its serialized name, so the page and the menu agree by construction.
    fn id(self) -> &'static str {
        match self {
            MenuAction::NewRecipe => "new_recipe",
            MenuAction::Import => "import",
            MenuAction::Settings => "settings",
            MenuAction::Find => "find",
            MenuAction::Library => "library",
            MenuAction::Planner => "planner",
        }
    }

    fn from_id(id: &str) -> Option<MenuAction> {
        MenuAction::ALL.into_iter().find(|a| a.id() == id)
    }
}

const ZOOM_IN: &str = "zoom_in";
const ZOOM_OUT: &str = "zoom_out";
const ZOOM_RESET: &str = "zoom_reset";
const QUIT: &str = "quit";

/// Builds the menu bar. Accelerators match the keys the page handles itself (see App.svelte).
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str, keys: Option<&str>| {
        let b = MenuItemBuilder::with_id(id, text);
        match keys {
            Some(k) => b.accelerator(k).build(app),
            None => b.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "&File")
        .item(&item(MenuAction::NewRecipe.id(), "&New Recipe", Some("CmdOrCtrl+N"))?)
        .item(&item(MenuAction::Import.id(), "&Import Recipes…", Some("CmdOrCtrl+O"))?)
        .separator()
        .item(&item(MenuAction::Settings.id(), "&Settings…", Some("CmdOrCtrl+,"))?)
        .separator()
        .item(&item(QUIT, "&Quit Gutsy", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let view = SubmenuBuilder::new(app, "&View")
        .item(&item(MenuAction::Library.id(), "&Library", Some("CmdOrCtrl+1"))?)
        .item(&item(MenuAction::Planner.id(), "&Planner", Some("CmdOrCtrl+2"))?)
        .item(&item(MenuAction::Find.id(), "&Find Recipes", Some("CmdOrCtrl+F"))?)
        .separator()
        .item(&item(ZOOM_IN, "Zoom &In", Some("CmdOrCtrl+="))?)
        .item(&item(ZOOM_OUT, "Zoom &Out", Some("CmdOrCtrl+-"))?)
        .item(&item(ZOOM_RESET, "&Actual Size", Some("CmdOrCtrl+0"))?)
        .build()?;
    let about = AboutMetadataBuilder::new()
        .name(Some("Gutsy"))
        .version(Some(app.package_info().version.to_string()))
        .comments(Some("A recipe library and weekly meal planner for your gut."))
        .build();
    let help = SubmenuBuilder::new(app, "&Help").about(Some(about)).build()?;
    let mut menu = MenuBuilder::new(app).item(&file);
    if let Some(edit) = edit_menu(app)? {
        menu = menu.item(&edit);
    }
    menu.item(&view).item(&help).build()
}

/// Undo, cut, copy, paste and select-all, from the platform. Not on Linux: GTK menus fake
/// these by replaying the keystroke through libxdo (X11 only), and without it their
/// accelerators would swallow Ctrl+C in the page — the page's own editing keys work as they are.
fn edit_menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Option<Submenu<R>>> {
    if cfg!(target_os = "linux") {
        return Ok(None);
    }
    let edit = SubmenuBuilder::new(app, "&Edit").undo().redo().separator().cut().copy().paste().select_all().build()?;
    Ok(Some(edit))
}

/// Carries out a menu item: zoom and quit here, the rest in the page.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    let step = match id {
        ZOOM_IN => Some(ZoomStep::In),
        ZOOM_OUT => Some(ZoomStep::Out),
        ZOOM_RESET => Some(ZoomStep::Reset),
        _ => None,
    };
    if let Some(step) = step {
        let _ = apply_zoom(app, step);
    } else if id == QUIT {
        app.exit(0);
    } else if let Some(action) = MenuAction::from_id(id) {
        let _ = app.emit_to("main", "menu", action);
    }
}

/// Moves the main window's zoom one step; the new level.
pub fn apply_zoom<R: Runtime>(app: &AppHandle<R>, step: ZoomStep) -> tauri::Result<f64> {
    let level = app.state::<Zoom>().step(step);
    if let Some(window) = app.get_webview_window("main") {
        window.set_zoom(level)?;
    }
    Ok(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_id_is_its_serialized_name() {
        for action in MenuAction::ALL {
            let json = serde_json::to_string(&action).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", action.id()));
            assert_eq!(MenuAction::from_id(action.id()), Some(action));
        }
        assert_eq!(MenuAction::from_id(ZOOM_IN), None);
    }
}
