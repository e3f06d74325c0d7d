// The contract every check type implements (after container-structure-test): validate the
// spec before anything runs, then run it and return data. A failed check is a result.
import type { z } from "zod";
import type { CheckResult } from "../../../common/lab-types.ts";
import type { CheckContext } from "./check-context.ts";

export interface CheckType<S> {
  readonly type: string;
  /** Throws CheckSpecError; `at` names where the spec came from, for messages. */
  parse(raw: unknown, at: string): S;
  run(spec: S, ctx: CheckContext): Promise<CheckResult>;
}

export interface SpecIssue {
  /** Path inside the check spec, e.g. ["mounts", 0, "target"]. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** The issue is about the key itself (an unknown field), not its value. */
  readonly key?: boolean;
}

export class CheckSpecError extends Error {
  constructor(
    readonly issues: readonly SpecIssue[],
    at: string,
  ) {
    super(`${at}: ${issues.map((i) => `${i.path.join(".") || "(check)"}: ${i.message}`).join("; ")}`);
    this.name = "CheckSpecError";
  }
}

/** Parses with a zod schema and turns its issues into a CheckSpecError. */
export function parseSpec<T extends z.ZodType>(schema: T, raw: unknown, at: string): z.output<T> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new CheckSpecError(
    r.error.issues.flatMap((i) =>
      i.code === "unrecognized_keys"
        ? i.keys.map((k) => ({ path: [...i.path, k], message: `unknown field "${k}"`, key: true }))
        : [{ path: i.path, message: i.message }],
    ),
    at,
  );
}

/** Builds a result; `start` is performance.now() when the check began. */
export function result(name: string, type: string, errors: readonly string[], start: number): CheckResult {
  return { name, type, pass: errors.length === 0, errors, durationMs: Math.round(performance.now() - start) };
}
