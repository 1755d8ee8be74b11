// The app's keyboard shortcuts, the same as the native menu's accelerators (src-tauri/src/menu.rs):
// the menu handles them when it sees the key first, the page otherwise.
import type { MenuAction } from "../bindings/MenuAction";
import type { ZoomStep } from "../bindings/ZoomStep";
import { commandKey } from "./platform";

export type Shortcut = { menu: MenuAction } | { zoom: ZoomStep } | { quit: true };

/** What a key press asks for, or null when it is not one of the app's shortcuts. */
export function shortcutOf(e: KeyboardEvent, isMac?: boolean): Shortcut | null {
  if (!commandKey(e, isMac) || e.altKey) return null;
  const key = e.key.toLowerCase();
  // Ctrl+= and Ctrl++ (Shift+=) both zoom in, as in browsers; the numpad's keys too.
  if (key === "=" || key === "+") return { zoom: "in" };
  if (key === "-" || key === "_") return { zoom: "out" };
  if (key === "0") return { zoom: "reset" };
  if (e.shiftKey) return null;
  const menu: Record<string, MenuAction> = { n: "new_recipe", o: "import", ",": "settings", f: "find", "1": "library", "2": "planner" };
  if (key in menu) return { menu: menu[key] };
  if (key === "q") return { quit: true };
  return null;
}
