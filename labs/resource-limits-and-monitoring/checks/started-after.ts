// The canary proves the engine still starts containers while the bomb runs: it must have
// run to a clean exit, and have started after the bomb did.
import type { CheckContext } from "../../../server/src/checks/check-context.ts";

interface State {
  Status?: string;
  ExitCode?: number;
  StartedAt?: string;
}

type Verdict = true | { pass: false; errors: string[] };
const fail = (error: string): Verdict => ({ pass: false, errors: [error] });

async function stateOf(ctx: CheckContext, name: string): Promise<State | undefined> {
  const res = await ctx.engine("GET", `/containers/${encodeURIComponent(name)}/json`);
  return res.status === 200 ? ((res.body as { State?: State }).State ?? {}) : undefined;
}

export async function check(ctx: CheckContext, args: Record<string, unknown>): Promise<Verdict> {
  const [name, after] = [String(args.container), String(args.after)];
  const [mine, theirs] = await Promise.all([stateOf(ctx, name), stateOf(ctx, after)]);
  if (!mine) return fail(`there is no container called ${name}`);
  if (!theirs) return fail(`there is no container called ${after}`);
  if (mine.Status !== "exited" || mine.ExitCode !== 0)
    return fail(`${name}: expected to have exited with code 0, it is ${mine.Status} (code ${mine.ExitCode})`);
  // RFC 3339 with nanoseconds: Date keeps milliseconds, enough a second apart or less.
  const [t1, t2] = [Date.parse(mine.StartedAt ?? ""), Date.parse(theirs.StartedAt ?? "")];
  if (!(t1 > t2)) return fail(`${name} started before ${after}: start it while ${after} runs`);
  return true;
}
