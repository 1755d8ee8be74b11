// Arrow-key movement through a grid of cards laid out in rows of `columns`.

export type NavKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" | "PageUp" | "PageDown";

export const isNavKey = (k: string): k is NavKey =>
  ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(k);

/** The index focus moves to; stays put at the edges. `count` 0 gives -1 (nothing to focus). */
export function moveIndex(current: number, key: NavKey, count: number, columns: number): number {
  if (count <= 0) return -1;
  const cols = Math.max(1, Math.floor(columns));
  const at = Math.min(Math.max(current, 0), count - 1);
  const clamp = (i: number) => Math.min(Math.max(i, 0), count - 1);
  switch (key) {
    case "ArrowLeft": return clamp(at - 1);
    case "ArrowRight": return clamp(at + 1);
    case "ArrowUp": return at - cols >= 0 ? at - cols : at;
    case "ArrowDown": return at + cols < count ? at + cols : (Math.floor(at / cols) < Math.floor((count - 1) / cols) ? count - 1 : at);
    case "PageUp": return clamp(at - cols * 3);
    case "PageDown": return clamp(at + cols * 3);
    case "Home": return 0;
    case "End": return count - 1;
  }
}

/** How many cards share the first row, from their top offsets. */
export function columnsFromTops(tops: number[]): number {
  if (tops.length === 0) return 1;
  const first = tops[0];
  const n = tops.findIndex((t) => Math.abs(t - first) > 2);
  return n === -1 ? tops.length : n;
}
