// Library filter state, as the screen holds it, and its translation to the core's FilterSpec.
// The words on offer (triggers, allergens, attributes, meals, time limits) come from the core
// (see vocabulary.svelte.ts); nothing here lists them.
import type { Attribute } from "../bindings/Attribute";
import type { Choice } from "../bindings/Choice";
import type { FilterSpec } from "../bindings/FilterSpec";
import type { MealType } from "../bindings/MealType";

export type FilterState = {
  search: string;
  /** Trigger and allergen words ("dairy", "sesame"). */
  exclude: string[];
  /** Catalog food names the cook leaves out ("onion" also leaves out red onion). */
  foods: string[];
  attributes: Attribute[];
  meal: MealType | null;
  /** Longest hands-on time, minutes. */
  maxMinutes: number | null;
};

export const emptyFilters = (): FilterState => ({ search: "", exclude: [], foods: [], attributes: [], meal: null, maxMinutes: null });

/** Adds the item if absent, removes it if present; keeps the chips' order stable. */
export function toggle<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return order.filter((x) => next.includes(x)).concat(next.filter((x) => !order.includes(x)));
}

export function toSpec(f: FilterState): FilterSpec {
  const search = f.search.trim();
  const spec: FilterSpec = { search: search === "" ? null : search, exclude: [...f.exclude, ...f.foods], attributes: [...f.attributes], meal: f.meal };
  if (f.maxMinutes !== null) spec.max_minutes = f.maxMinutes;
  return spec;
}

export function isFiltered(f: FilterState): boolean {
  return f.search.trim() !== "" || f.exclude.length > 0 || f.foods.length > 0 || f.attributes.length > 0 || f.meal !== null || f.maxMinutes !== null;
}

let labels = new Map<string, string>();

/** Takes the core's labels for its words ("sugar" → "Added sugar"). */
export function setLabels(choices: readonly Choice[]) {
  labels = new Map(choices.map((c) => [c.word, c.label]));
}

/** A word as a cook reads it: the core's label when it has one, else the word itself, capitalised. */
export const label = (word: string): string => {
  const known = labels.get(word);
  if (known) return known;
  const s = word.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** One sentence naming everything that narrowed the list, for the empty state. `time`: the limit in words. */
export function whyEmpty(f: FilterState, time: string | null = null): string {
  if (!isFiltered(f)) return "Your library has no recipes yet.";
  const parts: string[] = [];
  const search = f.search.trim();
  if (search !== "") parts.push(`matches “${search}”`);
  const free = [...f.exclude.map((w) => label(w).toLowerCase()), ...f.foods];
  if (free.length > 0) parts.push(`is free of ${joinWords(free)}`);
  if (f.attributes.length > 0) parts.push(`is ${joinWords(f.attributes.map((a) => label(a).toLowerCase()))}`);
  if (f.meal !== null) parts.push(`is for ${label(f.meal).toLowerCase()}`);
  if (f.maxMinutes !== null) parts.push(`takes at most ${time ?? `${f.maxMinutes} min`} hands-on`);
  return `No recipe in your library ${joinWords(parts)}.`;
}
