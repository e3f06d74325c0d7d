// "Name X resolves from container Y", "Y reaches X:port" (TCP, optionally an HTTP answer),
// and their opposites ("on the default bridge, web cannot resolve db"), seen from inside Y's
// network namespace by an engine-side probe (reach-probe.ts), so any image works.
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";
import { probe, type ProbeTarget } from "./reach-probe.ts";
import { matchText, textMatchSchema } from "./text-match.ts";

const schema = z
  .strictObject({
    type: z.literal("reach"),
    name: z.string().optional(),
    /** The container whose point of view counts. */
    from: z.string().min(1),
    host: z
      .string()
      .regex(/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/, "expected a host name or an IPv4 address"),
    port: z.number().int().min(1).max(65535).optional(),
    /** false: the name must not resolve from `from` (the default bridge has no DNS). */
    resolves: z.boolean().optional(),
    /** With a port. false: no TCP connection may succeed (an unresolved name counts). */
    reachable: z.boolean().optional(),
    http: z
      .strictObject({
        path: z
          .string()
          .regex(/^\/\S*$/, "expected a path such as / or /health")
          .default("/"),
        status: z.number().int().default(200),
        body: textMatchSchema.optional(),
      })
      .optional(),
    timeoutMs: z.number().int().positive().max(5000).default(3000),
  })
  .refine((s) => s.port !== undefined || (s.reachable === undefined && s.http === undefined), {
    message: "`reachable` and `http` need a `port`",
  })
  .refine((s) => s.resolves !== false || (s.port === undefined && s.http === undefined), {
    message: "a name that must not resolve has no port to reach: leave out `port` and `http`",
  })
  .refine((s) => s.reachable !== false || s.http === undefined, {
    message: "an unreachable port has no HTTP answer: leave out `http`",
  });
export type ReachSpec = z.output<typeof schema>;

const describe = (s: ReachSpec) =>
  s.resolves === false
    ? `${s.host} does not resolve from ${s.from}`
    : s.port === undefined
      ? `${s.host} resolves from ${s.from}`
      : `${s.from} ${s.reachable === false ? "cannot reach" : "reaches"} ${s.host}:${s.port}${s.http ? ` over HTTP` : ""}`;

export const reachCheck: CheckType<ReachSpec> = {
  type: "reach",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? describe(s);
    const x = new Expect(`${s.from} → ${s.host}${s.port ? `:${s.port}` : ""}`);
    const res = await ctx.engine("GET", `/containers/${encodeURIComponent(s.from)}/json`);
    if (res.status === 404) x.fail(`container ${s.from} expected to exist, but there is none`);
    else if (res.status !== 200) throw new Error(`engine answered ${res.status} to inspect`);
    else if (dig(res.body, "State.Running") !== true)
      x.fail(`container ${s.from} expected to be running, got ${String(dig(res.body, "State.Status"))}`);
    if (x.errors.length) return result(name, "reach", x.errors, start);
    const target: ProbeTarget = {
      pid: Number(dig(res.body, "State.Pid")),
      resolvConf: String(dig(res.body, "ResolvConfPath")),
      hostsFile: String(dig(res.body, "HostsPath")),
    };
    const path = s.http?.path;
    const out = await probe(ctx, target, { host: s.host, port: s.port, path, timeoutMs: s.timeoutMs });
    if (s.resolves === false) {
      if (out.resolved) x.fail(`expected not to resolve from ${s.from}, but it resolves to ${out.address}`);
    } else if (!out.resolved) {
      if (s.reachable !== false) x.fail(`${s.host} expected to resolve from ${s.from}, but it does not`);
    } else if (s.port !== undefined) {
      const open = out.connect?.open === true;
      if (s.reachable === false && open)
        x.fail(`expected no TCP connection, but ${out.address}:${s.port} accepts one`);
      if (s.reachable !== false && out.connect && !out.connect.open)
        x.fail(`expected to accept a TCP connection on ${out.address}:${s.port}, but: ${out.connect.detail}`);
      if (s.http && out.http) {
        if (out.http.error !== undefined) x.fail(`GET ${path} failed: ${out.http.error}`);
        else {
          x.equal(`GET ${path} status`, s.http.status, out.http.status);
          matchText(x, `GET ${path} body`, s.http.body, out.http.body);
        }
      }
    }
    return result(name, "reach", x.errors, start);
  },
};
