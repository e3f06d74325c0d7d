// Field shapes shared by check specs, so every check type says "must", "must not" and
// "exactly" the same way: a value or `{ not: value }`, a list (must include) or
// `{ include, not, exactly }`, a range, and an image reference in Docker's grammar.
import { z } from "zod";
import { ImageRefError, parseImageRef } from "./image-ref.ts";

/** A number exactly, or `{ min, max }` (either may be left out). */
export const rangeField = z.union([
  z.number(),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
]);

/** A value the field must have, or `{ not: value }`: any value but that one. */
export const orNot = <T extends z.ZodType>(value: T) => z.union([value, z.strictObject({ not: value })]);
export type OrNot<T> = T | { readonly not: T };

export const isNot = <T>(want: OrNot<T>): want is { readonly not: T } =>
  typeof want === "object" && want !== null && !Array.isArray(want) && "not" in want;

/**
 * A list of names: a plain list must all be there (others may be too); `{ not }` must all be
 * absent; `{ exactly }` is the whole set, in any order. `exactly: []` means none at all.
 */
export const setField = <T extends z.ZodType>(item: T) =>
  z.union([
    z.array(item),
    z
      .strictObject({
        include: z.array(item).optional(),
        not: z.array(item).optional(),
        exactly: z.array(item).optional(),
      })
      .refine((s) => s.include ?? s.not ?? s.exactly, { message: "set include, not or exactly" }),
  ]);
export interface SetSpec<T> {
  readonly include?: readonly T[] | undefined;
  readonly not?: readonly T[] | undefined;
  readonly exactly?: readonly T[] | undefined;
}
export type SetMatch<T> = readonly T[] | SetSpec<T>;

export const setSpec = <T>(m: SetMatch<T>): SetSpec<T> =>
  Array.isArray(m) ? { include: m } : (m as SetSpec<T>);

/** An image reference, checked against Docker's grammar when the lab is loaded. */
export const imageRefField = z.string().superRefine((s, ctx) => {
  try {
    parseImageRef(s);
  } catch (e) {
    if (!(e instanceof ImageRefError)) throw e;
    ctx.addIssue({ code: "custom", message: `${e.message}; expected an image such as nginx or nginx:1.22` });
  }
});
