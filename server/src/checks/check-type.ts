// The contract every check type implements (after container-structure-test): validate the
// spec before anything runs, then run it and return data. A failed check is a result.
import type { z } from "zod";
import type { CheckResult } from "../../../common/lab-types.ts";
import type { CheckContext } from "./check-context.ts";

export interface CheckType<S> {
  readonly type: string;
  /** The spec's shape, for the editor's JSON Schema of lab.yaml (schema/lab.schema.json). */
  readonly schema?: z.ZodType;
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

type ZodIssue = z.core.$ZodIssue;

/**
 * A union (`state: running` or `state: { not: running }`) fails as a whole with "Invalid
 * input"; the author needs the issues of the branch they meant. That is the one that got
 * furthest into the value, and on a tie the one that did not fail on the value's type.
 */
function branchOf(i: ZodIssue & { code: "invalid_union" }): ZodIssue[] {
  const depth = (b: ZodIssue[]) => Math.max(0, ...b.map((x) => x.path.length));
  const typeMiss = (b: ZodIssue[]) =>
    b.filter((x) => x.code === "invalid_type" && x.path.length === 0).length;
  const best = [...i.errors].sort((a, b) => depth(b) - depth(a) || typeMiss(a) - typeMiss(b))[0] ?? [];
  return best.map((x) => ({ ...x, path: [...i.path, ...x.path] }));
}

function flatten(issues: readonly ZodIssue[]): SpecIssue[] {
  return issues.flatMap((i): SpecIssue[] =>
    i.code === "unrecognized_keys"
      ? i.keys.map((k) => ({ path: [...i.path, k], message: `unknown field "${k}"`, key: true }))
      : i.code === "invalid_union" && i.errors.length > 0
        ? flatten(branchOf(i))
        : [{ path: i.path, message: i.message }],
  );
}

/** Parses with a zod schema and turns its issues into a CheckSpecError. */
export function parseSpec<T extends z.ZodType>(schema: T, raw: unknown, at: string): z.output<T> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw new CheckSpecError(flatten(r.error.issues), at);
}

/** Builds a result; `start` is performance.now() when the check began. */
export function result(name: string, type: string, errors: readonly string[], start: number): CheckResult {
  return { name, type, pass: errors.length === 0, errors, durationMs: Math.round(performance.now() - start) };
}
