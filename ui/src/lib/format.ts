// The one sentence the UI still words itself: an explanation's headline. Everything else a cook
// reads (durations, quantities, fiber) is written by the core (`text` on cards and views,
// `quantity_text` on ingredient lines) and shown as it comes.
import type { Explanation } from "../bindings/Explanation";

const KIND_WORDS: Record<string, string> = { name: "its name", alias: "another name for it", plural: "its plural" };

/** The headline of an explanation: which catalog food the line matched, and by what. */
export function matchSentence(e: Pick<Explanation, "food_name" | "matched" | "kind">): string {
  if (!e.food_name) return "No catalog food matched this line.";
  const how = e.kind ? `, ${KIND_WORDS[e.kind] ?? e.kind}` : "";
  return e.matched ? `Matched the catalog food “${e.food_name}” from “${e.matched}”${how}.` : `Matched the catalog food “${e.food_name}”.`;
}
