// Fails if the app's security setup loosens: CSP, global Tauri object, capabilities, plugins,
// raw HTML rendering. Reads the files the app is built from.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const tauriDir = join(root, "src-tauri");
const conf = JSON.parse(readFileSync(join(tauriDir, "tauri.conf.json"), "utf8"));

function cspDirectives(csp: unknown): Map<string, string[]> {
  const text =
    typeof csp === "string"
      ? csp
      : Object.entries(csp as Record<string, string | string[]>)
          .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(" ") : v}`)
          .join(";");
  const out = new Map<string, string[]>();
  for (const part of text.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

// The only permissions the main window may have: Gutsy's own commands and setting the title.
const ALLOWED_PERMISSIONS = [
  "allow-list-recipes",
  "allow-recipe-view",
  "allow-explain-ingredient",
  "allow-library-info",
  "allow-planner-state",
  "allow-plan-show",
  "allow-plan-generate",
  "allow-plan-regenerate",
  "allow-plan-lock",
  "allow-plan-swap-choices",
  "allow-plan-swap",
  "allow-plan-move",
  "allow-plan-servings",
  "allow-plan-rename",
  "allow-plan-duplicate",
  "allow-plan-delete",
  "allow-settings-save",
  "allow-shopping-show",
  "allow-shopping-check",
  "allow-shopping-add",
  "allow-shopping-remove",
  "allow-pantry-text",
  "allow-pantry-save",
  "allow-save-pdf",
  "allow-recipe-check",
  "allow-recipe-source",
  "allow-recipe-save",
  "allow-save-ical",
  "allow-import-pick",
  "allow-import-run",
  "allow-import-cancel",
  "allow-import-paste",
  "allow-backup-save",
  "allow-restore-pick",
  "allow-vocabulary",
  "allow-suggest-foods",
  "allow-library-problem",
  "allow-library-start-new",
  "allow-library-open-other",
  "allow-library-show-in-folder",
  "allow-zoom",
  "allow-quit",
  "core:window:allow-set-title",
  // The native menu's items reach the page as a `menu` event.
  "core:event:allow-listen",
  "core:event:allow-unlisten",
];

describe("security configuration", () => {
  it("does not expose window.__TAURI__", () => {
    expect(conf.app.withGlobalTauri).toBe(false);
  });

  it("has a strict CSP: self only, no inline or eval script, no remote origins", () => {
    const sec = conf.app.security;
    expect(sec.csp, "app.security.csp must be set").toBeTruthy();
    expect(sec.dangerousDisableAssetCspModification ?? false).toBe(false);
    expect(sec.devCsp ?? null).toBeNull();
    const d = cspDirectives(sec.csp);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    for (const [name, sources] of d) {
      for (const s of sources) {
        const ipc = name === "connect-src" && (s === "ipc:" || s === "http://ipc.localhost");
        // Recipe photos come from the app's own photo: protocol (http://photo.localhost on Windows).
        const photo = name === "img-src" && (s === "photo:" || s === "http://photo.localhost");
        expect(["'self'", "'none'"].includes(s) || ipc || photo, `${name} allows ${s}`).toBe(true);
      }
    }
  });

  it("does not open IPC to remote pages or add windows with other rights", () => {
    expect(conf.app.security.capabilities ?? []).toEqual([]);
    expect(JSON.stringify(conf)).not.toMatch(/dangerous(Remote|Disable)/);
    expect(conf.app.windows.every((w: { url?: string }) => w.url === undefined || !/^https?:/.test(w.url))).toBe(true);
  });

  it("grants only the commands the UI uses: no shell, no filesystem, no remote", () => {
    const dir = join(tauriDir, "capabilities");
    const files = readdirSync(dir).filter((f) => !f.startsWith("."));
    expect(files).toEqual(["default.json"]);
    const cap = JSON.parse(readFileSync(join(dir, "default.json"), "utf8"));
    expect(cap.remote).toBeUndefined();
    expect(cap.windows).toEqual(["main"]);
    expect(cap.webviews).toBeUndefined();
    for (const p of cap.permissions) {
      expect(typeof p, "scoped permissions are not allowed").toBe("string");
      expect(ALLOWED_PERMISSIONS, `capability grants ${p}`).toContain(p);
    }
  });

  it("uses no shell, filesystem, http or opener plugin, and the save dialog only from Rust", () => {
    const cargo = readFileSync(join(tauriDir, "Cargo.toml"), "utf8");
    expect(cargo).not.toMatch(/tauri-plugin-(shell|fs|http|process)/);
    // The opener crate is used from Rust only ("Show in folder"): never registered as a plugin,
    // so the webview gets none of its commands.
    const lib = readFileSync(join(tauriDir, "src", "lib.rs"), "utf8");
    expect(lib).not.toMatch(/tauri_plugin_opener::init/);
    const pkg = JSON.parse(readFileSync(join(root, "ui", "package.json"), "utf8"));
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    expect(deps.filter((d) => /plugin-(shell|fs|http|opener|process|dialog)/.test(d))).toEqual([]);
    // The dialog plugin is opened by the save_pdf command; the webview may not open dialogs itself.
    const caps = readFileSync(join(tauriDir, "capabilities", "default.json"), "utf8");
    expect(caps).not.toMatch(/dialog:|opener:/);
  });

  it("renders text as text: no {@html}, innerHTML or inline scripts in the UI", () => {
    const src = join(root, "ui", "src");
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((f) => /\.(svelte|ts|html)$/.test(f) && !f.includes("bindings") && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const text = readFileSync(join(src, f), "utf8");
      expect(text, f).not.toMatch(/\{@html|innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    }
    const html = readFileSync(join(root, "ui", "index.html"), "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
