// Keyboard shortcuts as the platform writes them: "Ctrl+F" on Linux and Windows, "⌘F" on macOS.

const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** `keys` as written on Linux ("Ctrl+Shift+N"), in the platform's own notation. */
export function shortcut(keys: string, isMac = mac): string {
  if (!isMac) return keys;
  return keys
    .split("+")
    .map((k) => ({ Ctrl: "⌘", Shift: "⇧", Alt: "⌥" })[k] ?? k)
    .join("");
}

/** The platform's command key is held (Ctrl, or ⌘ on macOS). */
export const commandKey = (e: KeyboardEvent, isMac = mac): boolean => (isMac ? e.metaKey : e.ctrlKey);
