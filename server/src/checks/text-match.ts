// Expectations on a piece of text, shared by the exec, http and file checks.
import { z } from "zod";
import type { Expect } from "./expect.ts";

const oneOrMany = z.union([z.string(), z.array(z.string())]);

export const textMatchShape = {
  contains: oneOrMany.optional(),
  notContains: oneOrMany.optional(),
  regex: z
    .string()
    .refine(
      (s) => {
        try {
          new RegExp(s, "m");
          return true;
        } catch {
          return false;
        }
      },
      { message: "not a valid regular expression" },
    )
    .optional(),
  equals: z.string().optional(),
};
export const textMatchSchema = z.strictObject(textMatchShape);
export type TextMatch = z.infer<typeof textMatchSchema>;

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** Quoted, and cut at `max` characters so one huge output cannot flood a result. */
export const clip = (s: string, max = 200) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

export function matchText(x: Expect, field: string, want: TextMatch | undefined, actual: string): void {
  if (!want) return;
  for (const c of list(want.contains))
    if (!actual.includes(c)) x.fail(`${field} expected to contain ${JSON.stringify(c)}, got ${clip(actual)}`);
  for (const c of list(want.notContains))
    if (actual.includes(c))
      x.fail(`${field} expected not to contain ${JSON.stringify(c)}, got ${clip(actual)}`);
  if (want.regex !== undefined && !new RegExp(want.regex, "m").test(actual))
    x.fail(`${field} expected to match /${want.regex}/, got ${clip(actual)}`);
  if (want.equals !== undefined && actual.trim() !== want.equals.trim())
    x.fail(`${field} expected ${JSON.stringify(want.equals)}, got ${clip(actual)}`);
}
