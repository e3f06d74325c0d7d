// Runs a command in a named container (an exec through the engine API, never the learner's
// gateway) or in the workstation (or, with `target: engine`, next to the learner's engine,
// where `docker` reaches it directly), and compares exit code and output. A command that
// must fail says so (`exitCode: { not: 0 }`), and a missing or stopped container fails the
// check whatever the expected exit code: no command ran, so nothing was proved.
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";
import { orNot } from "./spec-fields.ts";
import { clip, matchText, textMatchSchema } from "./text-match.ts";

const schema = z.strictObject({
  type: z.literal("exec"),
  name: z.string().optional(),
  /** A string runs through `sh -c`; a list runs as is. */
  command: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  container: z.string().optional(),
  /** Without `container`: where the command runs. Docker commands need `engine`. */
  target: z.enum(["workstation", "engine"]).default("workstation"),
  exitCode: orNot(z.number().int()).default(0),
  stdout: textMatchSchema.optional(),
  stderr: textMatchSchema.optional(),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type ExecSpec = z.output<typeof schema>;

/** How much of stderr a failed check shows. */
const STDERR_SHOWN = 500;

export const execCheck: CheckType<ExecSpec> = {
  type: "exec",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const argv = typeof s.command === "string" ? ["sh", "-c", s.command] : s.command;
    const where = s.container ? `in container ${s.container}` : `in the ${s.target}`;
    const shown = typeof s.command === "string" ? s.command : s.command.join(" ");
    const name = s.name ?? `${shown} ${where}`;
    const x = new Expect(`\`${shown}\` ${where}`);
    if (s.container) {
      const res = await ctx.engine("GET", `/containers/${encodeURIComponent(s.container)}/json`);
      const state = dig(res.body, "State.Status");
      if (res.status === 404) x.fail(`container ${s.container} expected to exist, but there is none`);
      else if (res.status !== 200) throw new Error(`engine answered ${res.status} to inspect`);
      else if (state !== "running") x.fail(`container ${s.container} expected to be running, got ${state}`);
      if (x.errors.length) return result(name, "exec", x.errors, start);
    }
    const r = s.container
      ? await ctx.containerExec(s.container, argv, { timeoutMs: s.timeoutMs })
      : await ctx.exec(argv, { target: s.target, timeoutMs: s.timeoutMs });
    if (r.exitCode === null) x.fail(`timed out after ${s.timeoutMs} ms`);
    else x.is("exit code", s.exitCode, r.exitCode);
    matchText(x, "stdout", s.stdout, r.stdout);
    matchText(x, "stderr", s.stderr, r.stderr);
    // What the command said about its failure, unless a stderr expectation already shows it.
    if (x.errors.length && !s.stderr && r.stderr.trim())
      x.fail(`stderr: ${clip(r.stderr.trim(), STDERR_SHOWN)}`);
    return result(name, "exec", x.errors, start);
  },
};
