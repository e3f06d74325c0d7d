// The query string as dockerd reads it: Go's url.ParseQuery (Go 1.17 and later), behind both
// r.URL.Query() and FormValue. Pairs split on `&` only; a pair holding a `;` or a bad `%`
// escape is skipped; `+` is a space; keys and values are bytes, compared once decoded. The
// browser's URLSearchParams differs on each of these (it splits on `;` in no case, but
// decodes `%zz` as is), so deciding on it could read an option the engine never sees, or
// miss one it does.

export class GoQuery {
  private constructor(
    private readonly values: ReadonlyMap<string, readonly string[]>,
    /** Pairs Go drops (dockerd's ParseForm answers 400 for them, FormValue ignores them). */
    readonly skipped: readonly string[],
  ) {}

  /** `raw` is everything after the target's first `?`, as the client sent it. */
  static parse(raw: string): GoQuery {
    const values = new Map<string, string[]>();
    const skipped: string[] = [];
    for (const pair of raw.split("&")) {
      if (pair === "") continue;
      const eq = pair.indexOf("=");
      const key = unescape(eq < 0 ? pair : pair.slice(0, eq));
      const value = unescape(eq < 0 ? "" : pair.slice(eq + 1));
      if (pair.includes(";") || key === undefined || value === undefined) {
        skipped.push(pair);
        continue;
      }
      values.set(key, [...(values.get(key) ?? []), value]);
    }
    return new GoQuery(values, skipped);
  }

  /** What FormValue returns, but undefined when the key is absent. */
  get(key: string): string | undefined {
    return this.values.get(key)?.[0];
  }

  all(key: string): readonly string[] {
    return this.values.get(key) ?? [];
  }
}

const HEX = /^[0-9a-fA-F]{2}$/;

/** Go's QueryUnescape; undefined where Go returns an EscapeError. */
function unescape(s: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      const hex = s.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(c === 0x2b ? 0x20 : c); // ASCII: Node refuses other bytes in a target
  }
  return Buffer.from(bytes).toString("utf8");
}
