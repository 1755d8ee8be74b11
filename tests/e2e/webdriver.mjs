// A minimal W3C WebDriver client over fetch: enough to drive the Tauri app through tauri-driver.
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
export const Keys = { Enter: "\uE007", Escape: "\uE00C", ArrowDown: "\uE015", ArrowRight: "\uE014", ArrowLeft: "\uE012", ArrowUp: "\uE013", Control: "\uE009", Backspace: "\uE003" };

export class WebDriverError extends Error {
  constructor(status, value) {
    super(`${value?.error ?? status}: ${value?.message ?? ""}`);
    this.error = value?.error;
  }
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, application, { timeoutMs = 30000 } = {}) {
    const value = await call(base, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application }, browserName: "wry" } },
    }, timeoutMs);
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async close() {
    try { await this.cmd("DELETE", ""); } catch { /* the app may be gone already */ }
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }
  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }
  async findIn(parent, css) {
    const v = await this.cmd("POST", `/element/${parent}/elements`, { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }
  click(el) { return this.cmd("POST", `/element/${el}/click`, {}); }
  text(el) { return this.cmd("GET", `/element/${el}/text`); }
  property(el, name) { return this.cmd("GET", `/element/${el}/property/${name}`); }
  attribute(el, name) { return this.cmd("GET", `/element/${el}/attribute/${name}`); }
  type(el, text) { return this.cmd("POST", `/element/${el}/value`, { text }); }
  clear(el) { return this.cmd("POST", `/element/${el}/clear`, {}); }
  title() { return this.cmd("GET", "/title"); }
  active() { return this.cmd("GET", "/element/active").then((v) => v[ELEMENT]); }
  exec(script, args = []) { return this.cmd("POST", "/execute/sync", { script, args }); }
  /** Runs `script`, which calls `arguments[arguments.length - 1]` with its result. */
  execAsync(script, args = []) { return this.cmd("POST", "/execute/async", { script, args }); }
  screenshot() { return this.cmd("GET", "/screenshot").then((b64) => Buffer.from(b64, "base64")); }
  /** Presses keys with optional modifiers held (e.g. pressKeys(["f"], [Keys.Control])). */
  pressKeys(keys, modifiers = []) {
    const actions = [
      ...modifiers.map((m) => ({ type: "keyDown", value: m })),
      ...keys.flatMap((k) => [{ type: "keyDown", value: k }, { type: "keyUp", value: k }]),
      ...modifiers.reverse().map((m) => ({ type: "keyUp", value: m })),
    ];
    return this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }
  /** Drags with the mouse from the middle of one element to the middle of another. */
  drag(from, to) {
    const origin = (el) => ({ [ELEMENT]: el });
    const actions = [
      { type: "pointerMove", duration: 0, origin: origin(from), x: 0, y: 0 },
      { type: "pointerDown", button: 0 },
      { type: "pause", duration: 100 },
      { type: "pointerMove", duration: 300, origin: origin(to), x: 0, y: 0 },
      { type: "pause", duration: 100 },
      { type: "pointerUp", button: 0 },
    ];
    return this.cmd("POST", "/actions", { actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }] });
  }
  async alertText() {
    try { return await this.cmd("GET", "/alert/text"); } catch (e) { if (e.error === "no such alert") return null; throw e; }
  }

  /** Polls `fn` until it returns a truthy value (retrying thrown errors), or fails with `what`. */
  async waitFor(what, fn, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    let last;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) { last = e; }
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ""}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function call(base, method, path, body, timeoutMs = 20000) {
  if (process.env.E2E_DEBUG) console.error(`-> ${method} ${path} ${body ? JSON.stringify(body).slice(0, 120) : ""}`);
  const res = await fetch(base + path, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new WebDriverError(res.status, json.value);
  return json.value;
}

export async function waitForServer(base, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${base}/status`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebDriver server at ${base} did not start`);
}
