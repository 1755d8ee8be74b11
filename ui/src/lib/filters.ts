// Library filter state, as the screen holds it, and its translation to the core's FilterSpec.
import type { Attribute } from "../bindings/Attribute";
import type { FilterSpec } from "../bindings/FilterSpec";
import type { MealType } from "../bindings/MealType";
import type { Trigger } from "../bindings/Trigger";

export const TRIGGER_CHIPS: readonly Trigger[] = ["dairy", "gluten", "sugar", "alcohol"];
export const ATTRIBUTE_CHIPS: readonly Attribute[] = ["fermented", "high_fiber", "leafy_green", "cruciferous"];
export const MEALS: readonly MealType[] = ["breakfast", "lunch", "dinner", "snack", "drink"];

export type FilterState = {
  search: string;
  exclude: Trigger[];
  attributes: Attribute[];
  meal: MealType | null;
};

export const emptyFilters = (): FilterState => ({ search: "", exclude: [], attributes: [], meal: null });

/** Adds the item if absent, removes it if present; keeps the chips' order stable. */
export function toggle<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return order.filter((x) => next.includes(x)).concat(next.filter((x) => !order.includes(x)));
}

export function toSpec(f: FilterState): FilterSpec {
  const search = f.search.trim();
  return { search: search === "" ? null : search, exclude: [...f.exclude], attributes: [...f.attributes], meal: f.meal };
}

export function isFiltered(f: FilterState): boolean {
  return f.search.trim() !== "" || f.exclude.length > 0 || f.attributes.length > 0 || f.meal !== null;
}

export const label = (word: string): string => {
  const s = word.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
};

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** One sentence naming everything that narrowed the list, for the empty state. */
export function whyEmpty(f: FilterState): string {
  if (!isFiltered(f)) return "Your library has no recipes yet.";
  const parts: string[] = [];
  const search = f.search.trim();
  if (search !== "") parts.push(`matches “${search}”`);
  if (f.exclude.length > 0) parts.push(`is free of ${joinWords([...f.exclude])}`);
  if (f.attributes.length > 0) parts.push(`is ${joinWords(f.attributes.map((a) => label(a).toLowerCase()))}`);
  if (f.meal !== null) parts.push(`is for ${f.meal}`);
  return `No recipe in your library ${joinWords(parts)}.`;
}
