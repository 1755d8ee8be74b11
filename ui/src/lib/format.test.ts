import { describe, expect, it } from "vitest";
import { matchSentence } from "./format";

describe("explanations", () => {
  it("says which food matched and how", () => {
    expect(matchSentence({ food_name: "Kefir grains", matched: "kefir grains", kind: "name" })).toBe(
      "Matched the catalog food “Kefir grains” from “kefir grains”, its name.",
    );
    expect(matchSentence({ food_name: "Chickpeas", matched: "ceci", kind: "alias" })).toBe(
      "Matched the catalog food “Chickpeas” from “ceci”, another name for it.",
    );
    expect(matchSentence({ food_name: "Honey", matched: null, kind: null })).toBe("Matched the catalog food “Honey”.");
    expect(matchSentence({ food_name: null, matched: null, kind: null })).toBe("No catalog food matched this line.");
  });
});
