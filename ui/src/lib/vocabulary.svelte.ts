// The filters' vocabulary as the core sends it (triggers, allergens, gut attributes, meals, time
// limits), loaded once at start. Screens read `vocab.v`; `wordLabel` names any of its words.
import type { Vocabulary } from "../bindings/Vocabulary";
import { setLabels } from "./filters";

const empty: Vocabulary = { triggers: [], allergens: [], attributes: [], meals: [], times: [] };

export const vocab: { v: Vocabulary; ready: boolean } = $state({ v: empty, ready: false });

export function setVocabulary(v: Vocabulary) {
  vocab.v = v;
  vocab.ready = true;
  setLabels([...v.triggers, ...v.allergens, ...v.attributes, ...v.meals]);
}

/** Every trigger and allergen word, in the core's order. */
export const triggerWords = (): string[] => [...vocab.v.triggers, ...vocab.v.allergens].map((c) => c.word);
