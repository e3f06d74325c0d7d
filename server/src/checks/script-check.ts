// The escape hatch. Either a TypeScript checker module (shared ones in top-level checkers/,
// or the lab's own checks/*.ts) exporting `check(ctx, args)`, run in a process of its own
// under Node's permission model (script-runner/), or a shell script from the lab's checks/
// run in the workstation (or engine) with JSON on stdin (pass = exit 0). A lab may only
// reference files inside its own folder; the path is checked lexically here and again,
// after resolving symlinks, before running.
import { readFile, realpath } from "node:fs/promises";
import { isAbsolute, join, normalize, resolve, sep } from "node:path";
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { Expect } from "./expect.ts";
import { ScriptRunner } from "./script-runner/script-runner.ts";

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
    /** A TypeScript checker may start processes (which Node's permission model does not follow). */
    allowChildProcess: z.boolean().default(false),
    /** A TypeScript checker may start worker threads. */
    allowWorker: z.boolean().default(false),
  })
  .refine((s) => (s.script === undefined) !== (s.checker === undefined), {
    message: "set exactly one of `script` (in the lab folder) or `checker` (in checkers/)",
  })
  .refine((s) => !(s.script?.endsWith(".sh") && (s.allowChildProcess || s.allowWorker)), {
    message:
      "allowChildProcess and allowWorker are for TypeScript checkers; a .sh script runs in the sandbox",
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

/** The script check type, running TypeScript checkers with `runner`. */
export function createScriptCheck(
  runner: () => ScriptRunner,
): CheckType<ScriptSpec> & { files(s: ScriptSpec, labDir: string): string[] } {
  return {
    type: "script",
    parse: (raw, at) => parseSpec(schema, raw, at),
    files: (s, labDir) => [scriptPath(s, labDir)],
    async run(s, ctx) {
      const start = performance.now();
      const label = s.checker ?? (s.script as string);
      const x = new Expect(`script ${label}`);
      const errors = await runScript(s, ctx, runner).catch((e: unknown) => [
        e instanceof Error ? e.message : String(e),
      ]);
      errors.forEach((e) => x.fail(e));
      return result(s.name ?? `script ${label}`, "script", x.errors, start);
    },
  };
}

async function runScript(s: ScriptSpec, ctx: CheckContext, runner: () => ScriptRunner): Promise<string[]> {
  if (!ctx.labDir) return ["script checks need the lab folder (CheckContext.labDir)"];
  const root = s.checker ? CHECKERS_DIR : ctx.labDir;
  const file = scriptPath(s, ctx.labDir);
  if (!(await contained(file, root).catch(() => undefined)))
    return ["resolves outside its folder or does not exist; refusing to run it"];
  if (file.endsWith(".ts")) {
    const { allowChildProcess, allowWorker, args, timeoutMs } = s;
    const out = await runner().run(
      { file, shownFrom: root, args, timeoutMs, allowChildProcess, allowWorker },
      ctx,
    );
    return out.pass ? [] : out.errors.length ? [...out.errors] : ["returned a failure"];
  }
  const body = await readFile(file, "utf8");
  const stdin = JSON.stringify({ args: s.args });
  const r = await ctx.exec(["sh", "-c", body, s.checker ?? (s.script as string)], {
    target: s.target,
    timeoutMs: s.timeoutMs,
    stdin,
  });
  if (r.exitCode === null) return [`timed out after ${s.timeoutMs} ms`];
  if (r.exitCode !== 0)
    return [`exit code expected 0, got ${r.exitCode}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`];
  return [];
}

// One runner for the server's checks, made on first use; it ends its spare process and
// removes its run folders when the server's process exits.
let shared: ScriptRunner | undefined;
function sharedRunner(): ScriptRunner {
  if (!shared) {
    const runner = new ScriptRunner();
    process.once("exit", () => runner.close());
    shared = runner;
  }
  return shared;
}

export const scriptCheck = createScriptCheck(sharedRunner);
