// The escape hatch. Either a TypeScript checker module (shared ones in top-level checkers/,
// or the lab's own checks/*.ts) exporting `check(ctx, args)`, or a shell script from the
// lab's checks/ run in the workstation (or engine) with JSON on stdin (pass = exit 0). A lab may only
// reference files inside its own folder; the path is checked lexically here and again,
// after resolving symlinks, before running.
import { readFile, realpath } from "node:fs/promises";
import { isAbsolute, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { Expect } from "./expect.ts";

export const CHECKERS_DIR = resolve(import.meta.dirname, "../../../checkers");

/** What a checker module exports. Returning false or errors is a failed check. */
export type Checker = (
  ctx: CheckContext,
  args: Record<string, unknown>,
) => Promise<boolean | { pass: boolean; errors?: string[] }>;

const inside = (p: string) => !isAbsolute(p) && !normalize(p).startsWith("..");
const schema = z
  .strictObject({
    type: z.literal("script"),
    name: z.string().optional(),
    script: z
      .string()
      .regex(/\.(ts|sh)$/, "expected a .ts module or a .sh script")
      .refine(inside, { message: "must be a path inside the lab folder, e.g. checks/ping.sh" })
      .optional(),
    checker: z
      .string()
      .regex(/^[a-z0-9-]+$/, "expected the name of a file in checkers/, e.g. port-reachable")
      .optional(),
    args: z.record(z.string(), z.unknown()).default({}),
    /** Where a .sh script runs; `engine` when it needs `docker` (see exec-check.ts). */
    target: z.enum(["workstation", "engine"]).default("workstation"),
    timeoutMs: z.number().int().positive().default(10_000),
  })
  .refine((s) => (s.script === undefined) !== (s.checker === undefined), {
    message: "set exactly one of `script` (in the lab folder) or `checker` (in checkers/)",
  });
export type ScriptSpec = z.output<typeof schema>;

/** Absolute path of the file a spec points at. */
export function scriptPath(s: ScriptSpec, labDir: string): string {
  return s.checker ? join(CHECKERS_DIR, `${s.checker}.ts`) : resolve(labDir, s.script as string);
}

async function contained(file: string, root: string): Promise<boolean> {
  const [f, r] = await Promise.all([realpath(file), realpath(root)]);
  return f.startsWith(r + sep);
}

export const scriptCheck: CheckType<ScriptSpec> & { files(s: ScriptSpec, labDir: string): string[] } = {
  type: "script",
  parse: (raw, at) => parseSpec(schema, raw, at),
  files: (s, labDir) => [scriptPath(s, labDir)],
  async run(s, ctx) {
    const start = performance.now();
    const label = s.checker ?? (s.script as string);
    const x = new Expect(`script ${label}`);
    if (!ctx.labDir) throw new Error("script checks need the lab folder (CheckContext.labDir)");
    const file = scriptPath(s, ctx.labDir);
    if (!(await contained(file, s.checker ? CHECKERS_DIR : ctx.labDir)))
      throw new Error(`${label} resolves outside its folder; refusing to run it`);
    if (file.endsWith(".ts")) {
      const mod = (await import(pathToFileURL(file).href)) as { check?: Checker };
      if (typeof mod.check !== "function")
        throw new Error(`${label} does not export a check(ctx, args) function`);
      const out = await mod.check(ctx, s.args);
      const pass = typeof out === "boolean" ? out : out.pass;
      const errors = typeof out === "boolean" ? [] : (out.errors ?? []);
      if (!pass) (errors.length ? errors : ["returned a failure"]).forEach((e) => x.fail(e));
    } else {
      const body = await readFile(file, "utf8");
      const stdin = JSON.stringify({ args: s.args });
      const r = await ctx.exec(["sh", "-c", body, label], {
        target: s.target,
        timeoutMs: s.timeoutMs,
        stdin,
      });
      if (r.exitCode === null) x.fail(`timed out after ${s.timeoutMs} ms`);
      else if (r.exitCode !== 0)
        x.fail(`exit code expected 0, got ${r.exitCode}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
    }
    return result(s.name ?? `script ${label}`, "script", x.errors, start);
  },
};
