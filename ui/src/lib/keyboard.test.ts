import { describe, expect, it } from "vitest";
import { columnsFromTops, isNavKey, moveIndex } from "./keyboard";

describe("keyboard navigation through cards", () => {
  // 10 cards in rows of 3:  0 1 2 / 3 4 5 / 6 7 8 / 9
  it("moves left and right, stopping at the ends", () => {
    expect(moveIndex(0, "ArrowLeft", 10, 3)).toBe(0);
    expect(moveIndex(0, "ArrowRight", 10, 3)).toBe(1);
    expect(moveIndex(9, "ArrowRight", 10, 3)).toBe(9);
  });

  it("moves by rows up and down", () => {
    expect(moveIndex(4, "ArrowDown", 10, 3)).toBe(7);
    expect(moveIndex(4, "ArrowUp", 10, 3)).toBe(1);
    expect(moveIndex(1, "ArrowUp", 10, 3)).toBe(1);
    // Down from a row above a short last row lands on the last card.
    expect(moveIndex(8, "ArrowDown", 10, 3)).toBe(9);
    expect(moveIndex(9, "ArrowDown", 10, 3)).toBe(9);
  });

  it("Home and End, and an empty list", () => {
    expect(moveIndex(5, "Home", 10, 3)).toBe(0);
    expect(moveIndex(5, "End", 10, 3)).toBe(9);
    expect(moveIndex(0, "ArrowDown", 0, 3)).toBe(-1);
  });

  it("a single column is a list", () => {
    expect(moveIndex(2, "ArrowDown", 5, 1)).toBe(3);
    expect(moveIndex(2, "ArrowUp", 5, 1)).toBe(1);
  });

  it("counts columns from card positions", () => {
    expect(columnsFromTops([10, 10, 10, 120, 120])).toBe(3);
    expect(columnsFromTops([10, 120, 230])).toBe(1);
    expect(columnsFromTops([10, 10])).toBe(2);
    expect(columnsFromTops([])).toBe(1);
  });

  it("knows which keys are navigation", () => {
    expect(isNavKey("ArrowDown")).toBe(true);
    expect(isNavKey("Enter")).toBe(false);
  });
});
