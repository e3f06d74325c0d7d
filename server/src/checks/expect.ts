// Field-by-field comparison that says expected vs actual, e.g.
// "container analytics: State.ExitCode expected 137, got 0".
import { isNot, setSpec, type OrNot, type SetMatch } from "./spec-fields.ts";

/** Reads a dotted path ("State.ExitCode") from a Docker API body. */
export function dig(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export const show = (v: unknown): string => (v === undefined ? "nothing" : JSON.stringify(v));

export interface Range {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

export class Expect {
  readonly errors: string[] = [];
  constructor(private readonly subject: string) {}

  fail(message: string): void {
    this.errors.push(`${this.subject}: ${message}`);
  }

  equal(field: string, expected: unknown, actual: unknown): void {
    if (expected === undefined) return;
    if (JSON.stringify(expected) !== JSON.stringify(actual))
      this.fail(`${field} expected ${show(expected)}, got ${show(actual)}`);
  }

  /** A value, or `{ not: value }` ruling one out. */
  is<T>(field: string, want: OrNot<T> | undefined, actual: unknown): void {
    if (want === undefined) return;
    if (!isNot(want)) return this.equal(field, want, actual);
    if (JSON.stringify(want.not) === JSON.stringify(actual))
      this.fail(`${field} expected anything but ${show(want.not)}, got ${show(actual)}`);
  }

  /** `note` follows the actual value, e.g. the names behind a count. */
  range(field: string, want: Range | number | undefined, actual: number | undefined, note?: string): void {
    if (want === undefined) return;
    const r = typeof want === "number" ? { min: want, max: want } : want;
    const ok =
      actual !== undefined &&
      (r.min === undefined || actual >= r.min) &&
      (r.max === undefined || actual <= r.max);
    if (ok) return;
    const bound =
      r.min !== undefined && r.max !== undefined
        ? r.min === r.max
          ? `${r.min}`
          : `between ${r.min} and ${r.max}`
        : r.min !== undefined
          ? `at least ${r.min}`
          : `at most ${r.max}`;
    this.fail(`${field} expected ${bound}, got ${show(actual)}${note ? ` (${note})` : ""}`);
  }

  includes(field: string, expected: readonly string[] | undefined, actual: readonly string[]): void {
    for (const e of expected ?? [])
      if (!actual.includes(e)) this.fail(`${field} expected to include ${show(e)}, got ${show(actual)}`);
  }

  /** A list that must include, must not include, or be exactly (in any order) some names. */
  set(field: string, want: SetMatch<string> | undefined, actual: readonly string[]): void {
    if (want === undefined) return;
    const s = setSpec(want);
    this.includes(field, s.include, actual);
    for (const e of s.not ?? [])
      if (actual.includes(e)) this.fail(`${field} expected not to include ${show(e)}, got ${show(actual)}`);
    if (s.exactly === undefined) return;
    const expected = [...new Set(s.exactly)].sort();
    const got = [...new Set(actual)].sort();
    if (JSON.stringify(expected) !== JSON.stringify(got))
      this.fail(`${field} expected exactly ${show(expected)}, got ${show(got)}`);
  }
}
