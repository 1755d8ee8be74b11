import { describe, expect, it } from "vitest";
import { shortcutOf } from "./shortcuts";

const key = (k: string, mods: Partial<KeyboardEventInit> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent;

describe("keyboard shortcuts", () => {
  it("zoom with Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0", () => {
    expect(shortcutOf(key("=", { ctrlKey: true }), false)).toEqual({ zoom: "in" });
    expect(shortcutOf(key("+", { ctrlKey: true, shiftKey: true }), false)).toEqual({ zoom: "in" });
    expect(shortcutOf(key("-", { ctrlKey: true }), false)).toEqual({ zoom: "out" });
    expect(shortcutOf(key("0", { ctrlKey: true }), false)).toEqual({ zoom: "reset" });
  });
  it("use ⌘ on macOS and Ctrl elsewhere, never plain keys", () => {
    expect(shortcutOf(key("f", { metaKey: true }), true)).toEqual({ menu: "find" });
    expect(shortcutOf(key("f", { ctrlKey: true }), true)).toBeNull();
    expect(shortcutOf(key("f", { metaKey: true }), false)).toBeNull();
    expect(shortcutOf(key("="), false)).toBeNull();
    expect(shortcutOf(key("n", { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
  it("match the menu's items", () => {
    expect(shortcutOf(key("N", { ctrlKey: true }), false)).toEqual({ menu: "new_recipe" });
    expect(shortcutOf(key("o", { ctrlKey: true }), false)).toEqual({ menu: "import" });
    expect(shortcutOf(key(",", { ctrlKey: true }), false)).toEqual({ menu: "settings" });
    expect(shortcutOf(key("2", { ctrlKey: true }), false)).toEqual({ menu: "planner" });
    expect(shortcutOf(key("q", { ctrlKey: true }), false)).toEqual({ quit: true });
    expect(shortcutOf(key("N", { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });
});
