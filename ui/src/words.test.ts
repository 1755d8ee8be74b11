// The core words what a cook reads (durations, quantities, fiber); the UI shows those words and
// has no second formatter. Fails when a component formats a raw number the core already words.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => /\.(svelte|ts)$/.test(f) && !f.startsWith("bindings") && !f.endsWith(".test.ts"))
  .map((f) => ({ f, text: readFileSync(join(src, f), "utf8") }));

describe("words come from the core", () => {
  it("no component reads raw minutes, fiber grams or amount and unit to show them", () => {
    expect(sources.length).toBeGreaterThan(5);
    for (const { f, text } of sources) {
      expect(text, f).not.toMatch(/\b(prep|cook|ferment)_minutes\b|\bfiber_per_serving\b|\.amount\b|\.unit\b|toFixed\(/);
    }
  });

  it("the screens show the core's text fields", () => {
    const read = (name: string) => sources.find((s) => s.f === name)!.text;
    const library = read("Library.svelte");
    for (const field of ["text.active_time", "text.ferment_time", "text.fiber"]) expect(library).toContain(field);
    const recipe = read("Recipe.svelte");
    for (const field of [
      "text.prep_time",
      "text.cook_time",
      "text.ferment_time",
      "text.fiber",
      "text.without",
      "quantity_text",
      "dropped",
      "explanation.headline",
      "explanation.summary",
    ]) {
      expect(recipe).toContain(field);
    }
    // A line's badges only show; its one control is the "Why?" button.
    expect(recipe).not.toMatch(/<button[^>]*class="badge/);
  });
});
