// An HTTP request made from inside the sandbox (curl in the workstation), so it sees what
// the learner sees: their published ports and their networks, not the host's. A request to
// localhost is first tried straight from the server (http-direct.ts), and passes at once when
// that answer meets the check; any other outcome is curl's to decide.
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { Expect } from "./expect.ts";
import { directRequest, localPort } from "./http-direct.ts";
import { matchText, textMatchSchema } from "./text-match.ts";

const schema = z.strictObject({
  type: z.literal("http"),
  name: z.string().optional(),
  url: z.string().regex(/^https?:\/\//, "expected an http:// or https:// URL"),
  method: z.enum(["GET", "HEAD", "POST", "PUT", "DELETE"]).default("GET"),
  status: z.number().int().default(200),
  body: textMatchSchema.optional(),
  timeoutMs: z.number().int().positive().default(5000),
});
export type HttpSpec = z.output<typeof schema>;

/** curl prints the body, then a newline and the status code, which we split off again. */
const MARK = "\n__slipway_status__:";

export const httpCheck: CheckType<HttpSpec> = {
  type: "http",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `${s.method} ${s.url}`;
    if (await answersDirectly(s, ctx)) return result(name, "http", [], start);
    const x = new Expect(`${s.method} ${s.url}`);
    const secs = String(Math.max(1, Math.ceil(s.timeoutMs / 1000)));
    const cmd = ["curl", "-sS", "-X", s.method, "--max-time", secs, "-w", `${MARK}%{http_code}`, s.url];
    const r = await ctx.exec(cmd, { target: "workstation", timeoutMs: s.timeoutMs + 2000 });
    const at = r.stdout.lastIndexOf(MARK);
    if (r.exitCode !== 0 || at < 0) {
      x.fail(`request failed (curl exit ${r.exitCode}): ${r.stderr.trim() || "no response"}`);
      return result(name, "http", x.errors, start);
    }
    judge(x, s, Number(r.stdout.slice(at + MARK.length).trim()), r.stdout.slice(0, at));
    return result(name, "http", x.errors, start);
  },
};

function judge(x: Expect, s: HttpSpec, status: number, body: string): void {
  x.equal("status", s.status, status);
  matchText(x, "body", s.body, body);
}

async function answersDirectly(s: HttpSpec, ctx: CheckContext): Promise<boolean> {
  const port = localPort(s.url);
  if (port === undefined || !ctx.sandboxPort) return false;
  const to = await ctx.sandboxPort(port).catch(() => undefined);
  const a = to && (await directRequest(to, s.url, s.method, s.timeoutMs, ctx.signal));
  if (!a) return false;
  const x = new Expect("direct");
  judge(x, s, a.status, a.body);
  return x.errors.length === 0;
}
