import { describe, expect, it } from "vitest";
import { describeError } from "./errors";

describe("errors in words", () => {
  it("words the shell's {code, message}", () => {
    const d = describeError({ code: "not_a_database", message: "/x/library.db: not a Gutsy library (…)" });
    expect(d.headline).toBe("Gutsy cannot read your library file");
    expect(d.detail).toContain("/x/library.db");
    expect(d.hint).toMatch(/Start a new library/);
  });
  it("never shows nothing, whatever was thrown", () => {
    expect(describeError({ code: "brand_new", message: "m" }).headline).toBe("Something went wrong");
    expect(describeError("ipc failed").detail).toBe("ipc failed");
    expect(describeError(new Error("boom")).detail).toBe("boom");
  });
});
