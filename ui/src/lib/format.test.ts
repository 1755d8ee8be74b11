import { describe, expect, it } from "vitest";
import { activeTime, fiber, fractionText, matchSentence, minutes, quantityText } from "./format";

describe("fraction and quantity display", () => {
  it("shows the core's ASCII fractions with glyphs", () => {
    expect(fractionText("1/2")).toBe("½");
    expect(fractionText("1 1/2")).toBe("1½");
    expect(fractionText("2/3")).toBe("⅔");
    expect(fractionText("3")).toBe("3");
    expect(fractionText("1 5/7")).toBe("1 5⁄7");
  });

  it("joins amount and unit, leaving out what is missing", () => {
    expect(quantityText({ amount: "1½", unit: "tbsp" })).toBe("1½ tbsp");
    expect(quantityText({ amount: "2", unit: null })).toBe("2");
    expect(quantityText({ amount: null, unit: null })).toBe("");
    expect(quantityText({ amount: "2–3", unit: "cup" })).toBe("2–3 cup");
  });

  it("formats durations", () => {
    expect(minutes(5)).toBe("5 min");
    expect(minutes(60)).toBe("1 h");
    expect(minutes(95)).toBe("1 h 35 min");
    expect(minutes(24 * 60)).toBe("24 h");
    expect(minutes(3 * 24 * 60)).toBe("3 days");
    expect(activeTime({ prep_minutes: 10, cook_minutes: 20, ferment_minutes: null })).toBe("30 min");
    expect(activeTime({ prep_minutes: null, cook_minutes: null, ferment_minutes: 60 })).toBeNull();
  });

  it("formats fiber", () => {
    expect(fiber(3.14159)).toBe("3.1 g");
    expect(fiber(12.6)).toBe("13 g");
  });
});

describe("explanations", () => {
  it("says which food matched and how", () => {
    expect(matchSentence({ food_name: "Kefir grains", matched: "kefir grains", kind: "name" })).toBe(
      "Matched the catalog food “Kefir grains” from “kefir grains”, its name.",
    );
    expect(matchSentence({ food_name: null, matched: null, kind: null })).toBe("No catalog food matched this line.");
  });
});
