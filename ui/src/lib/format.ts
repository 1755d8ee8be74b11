// Display helpers: durations, quantities and fractions.
import type { Explanation } from "../bindings/Explanation";
import type { Fraction } from "../bindings/Fraction";
import type { IngredientView } from "../bindings/IngredientView";
import type { Times } from "../bindings/Times";

export function minutes(n: number): string {
  if (n < 60) return `${n} min`;
  if (n >= 2 * 24 * 60 && n % (24 * 60) === 0) return `${n / (24 * 60)} days`;
  if (n >= 24 * 60 && n % 60 === 0 && n / 60 > 48) return `${Math.round(n / (24 * 60))} days`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Hands-on time (prep + cook), or null when neither is known. */
export function activeTime(t: Times): string | null {
  if (t.prep_minutes === null && t.cook_minutes === null) return null;
  return minutes((t.prep_minutes ?? 0) + (t.cook_minutes ?? 0));
}

const GLYPHS: Record<string, string> = {
  "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/5": "⅕", "2/5": "⅖", "3/5": "⅗", "4/5": "⅘",
  "1/6": "⅙", "5/6": "⅚", "1/8": "⅛", "3/8": "⅜", "5/8": "⅝", "7/8": "⅞",
};

/** The core's ASCII fraction (`"1 1/2"`, `"3/4"`, `"2"`) with a vulgar-fraction glyph: `1½`. */
export function fractionText(f: Fraction): string {
  const m = /^\s*(?:(\d+)\s+)?(\d+)\/(\d+)\s*$/.exec(f);
  if (!m) return f.trim();
  const [, whole, num, den] = m;
  const glyph = GLYPHS[`${num}/${den}`];
  const frac = glyph ?? `${num}⁄${den}`;
  return whole ? `${whole}${glyph ? "" : " "}${frac}` : frac;
}

/** `1½ tbsp`, `2 eggs`, `` for lines without a quantity. The amount already has glyphs. */
export function quantityText(i: Pick<IngredientView, "amount" | "unit">): string {
  return [i.amount, i.unit].filter((s): s is string => s !== null && s !== "").join(" ");
}

export function fiber(g: number): string {
  return `${g < 10 ? g.toFixed(1) : Math.round(g)} g`;
}

const KIND_WORDS: Record<string, string> = { name: "its name", alias: "another name for it", plural: "its plural" };

/** The headline of an explanation: which catalog food the line matched, and by what. */
export function matchSentence(e: Pick<Explanation, "food_name" | "matched" | "kind">): string {
  if (!e.food_name) return "No catalog food matched this line.";
  const how = e.kind ? `, ${KIND_WORDS[e.kind] ?? e.kind}` : "";
  return e.matched ? `Matched the catalog food “${e.food_name}” from “${e.matched}”${how}.` : `Matched the catalog food “${e.food_name}”.`;
}
