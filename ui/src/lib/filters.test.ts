import { describe, expect, it } from "vitest";
import { ATTRIBUTE_CHIPS, TRIGGER_CHIPS, emptyFilters, isFiltered, label, toSpec, toggle, whyEmpty } from "./filters";

describe("filter state", () => {
  it("toggles chips on and off, keeping the chips' order", () => {
    let ex = toggle([], "sugar", TRIGGER_CHIPS);
    ex = toggle(ex, "dairy", TRIGGER_CHIPS);
    expect(ex).toEqual(["dairy", "sugar"]);
    expect(toggle(ex, "dairy", TRIGGER_CHIPS)).toEqual(["sugar"]);
    expect(toggle(toggle([], "fermented", ATTRIBUTE_CHIPS), "fermented", ATTRIBUTE_CHIPS)).toEqual([]);
  });

  it("becomes the core's FilterSpec: blank search is no search", () => {
    expect(toSpec(emptyFilters())).toEqual({ search: null, exclude: [], attributes: [], meal: null });
    const f = { search: "  kefir ", exclude: ["dairy" as const], attributes: ["fermented" as const], meal: "drink" as const };
    expect(toSpec(f)).toEqual({ search: "kefir", exclude: ["dairy"], attributes: ["fermented"], meal: "drink" });
    expect(toSpec({ ...emptyFilters(), search: "   " }).search).toBeNull();
  });

  it("the spec is a copy: changing it does not change the state", () => {
    const f = { ...emptyFilters(), exclude: ["gluten" as const] };
    toSpec(f).exclude.push("dairy");
    expect(f.exclude).toEqual(["gluten"]);
  });

  it("knows when anything narrows the list", () => {
    expect(isFiltered(emptyFilters())).toBe(false);
    expect(isFiltered({ ...emptyFilters(), search: " " })).toBe(false);
    expect(isFiltered({ ...emptyFilters(), meal: "lunch" })).toBe(true);
  });

  it("says why nothing matched, naming every active filter", () => {
    expect(whyEmpty({ ...emptyFilters(), search: "xyzzy" })).toBe("No recipe in your library matches “xyzzy”.");
    expect(whyEmpty({ search: "kefir", exclude: ["dairy", "sugar"], attributes: ["leafy_green"], meal: "breakfast" })).toBe(
      "No recipe in your library matches “kefir”, is free of dairy and sugar, is leafy green and is for breakfast.",
    );
    expect(whyEmpty(emptyFilters())).toBe("Your library has no recipes yet.");
  });

  it("labels words for people", () => {
    expect(label("high_fiber")).toBe("High fiber");
    expect(label("dairy")).toBe("Dairy");
  });
});
