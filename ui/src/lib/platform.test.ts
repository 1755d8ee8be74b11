import { describe, expect, it } from "vitest";
import { shortcut } from "./platform";

describe("shortcuts", () => {
  it("are written Ctrl+… on Linux and with ⌘ on macOS", () => {
    expect(shortcut("Ctrl+F", false)).toBe("Ctrl+F");
    expect(shortcut("Ctrl+F", true)).toBe("⌘F");
    expect(shortcut("Ctrl+Shift+N", true)).toBe("⌘⇧N");
    expect(shortcut("Esc", true)).toBe("Esc");
  });
});
