import { describe, expect, it } from "vitest";
import { emptyFilters, isFiltered, label, setLabels, toSpec, toggle, whyEmpty } from "./filters";

const ORDER = ["dairy", "gluten", "sugar", "alcohol"];

describe("filter state", () => {
  it("toggles chips on and off, keeping the chips' order", () => {
    let ex = toggle([], "sugar", ORDER);
    ex = toggle(ex, "dairy", ORDER);
    expect(ex).toEqual(["dairy", "sugar"]);
    expect(toggle(ex, "dairy", ORDER)).toEqual(["sugar"]);
    expect(toggle(toggle([], "fermented", ["fermented"]), "fermented", ["fermented"])).toEqual([]);
  });

  it("becomes the core's FilterSpec: blank search is no search, foods join the exclusions", () => {
    expect(toSpec(emptyFilters())).toEqual({ search: null, exclude: [], attributes: [], meal: null });
    const f = { ...emptyFilters(), search: "  kefir ", exclude: ["dairy"], foods: ["onion"], attributes: ["fermented" as const], meal: "drink" as const };
    expect(toSpec(f)).toEqual({ search: "kefir", exclude: ["dairy", "onion"], attributes: ["fermented"], meal: "drink" });
    expect(toSpec({ ...emptyFilters(), search: "   " }).search).toBeNull();
    expect(toSpec({ ...emptyFilters(), maxMinutes: 30 }).max_minutes).toBe(30);
  });

  it("the spec is a copy: changing it does not change the state", () => {
    const f = { ...emptyFilters(), exclude: ["gluten"] };
    toSpec(f).exclude.push("dairy");
    expect(f.exclude).toEqual(["gluten"]);
  });

  it("knows when anything narrows the list", () => {
    expect(isFiltered(emptyFilters())).toBe(false);
    expect(isFiltered({ ...emptyFilters(), search: " " })).toBe(false);
    expect(isFiltered({ ...emptyFilters(), meal: "lunch" })).toBe(true);
    expect(isFiltered({ ...emptyFilters(), foods: ["onion"] })).toBe(true);
    expect(isFiltered({ ...emptyFilters(), maxMinutes: 15 })).toBe(true);
  });

  it("says why nothing matched, naming every active filter in the core's words", () => {
    setLabels([
      { word: "sugar", label: "Added sugar" },
      { word: "leafy_green", label: "Leafy greens" },
    ]);
    expect(whyEmpty({ ...emptyFilters(), search: "xyzzy" })).toBe("No recipe in your library matches “xyzzy”.");
    expect(
      whyEmpty({ search: "kefir", exclude: ["dairy", "sugar"], foods: ["onion"], attributes: ["leafy_green"], meal: "breakfast", maxMinutes: 30 }, "30 min"),
    ).toBe("No recipe in your library matches “kefir”, is free of dairy, added sugar and onion, is leafy greens, is for breakfast and takes at most 30 min hands-on.");
    expect(whyEmpty(emptyFilters())).toBe("Your library has no recipes yet.");
  });

  it("labels words with the core's labels, else capitalised", () => {
    setLabels([{ word: "nuts", label: "Tree nuts" }]);
    expect(label("nuts")).toBe("Tree nuts");
    expect(label("high_fiber")).toBe("High fiber");
  });
});
