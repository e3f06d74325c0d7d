// Which of the learner's containers mount something, whatever the containers are called:
// "two running containers share the volume site-data", "a container binds the workspace
// folder site/", "a container keeps /scratch in a size-limited tmpfs". Every spelling counts:
// `-v` and `--mount`, and `--tmpfs`, which the engine keeps out of a container's Mounts
// (it is only in HostConfig.Tmpfs), so each candidate is inspected.
import { posix } from "node:path";
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";

/** The workspace, where the learner's shell starts; relative bind sources are taken from it. */
const WORKSPACE = "/home/learner";

const range = z.union([
  z.number(),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
]);

const schema = z
  .strictObject({
    type: z.literal("mounts"),
    name: z.string().optional(),
    kind: z.enum(["volume", "bind", "tmpfs"]),
    /** volume: its name; bind: the host path, relative to the workspace or absolute. */
    source: z.string().min(1).optional(),
    target: z.string().startsWith("/", "expected an absolute path in the container").optional(),
    readOnly: z.boolean().optional(),
    /** tmpfs only: the size limit; a tmpfs without one never matches. */
    sizeMiB: range.optional(),
    /** Only containers in this state count. */
    state: z.enum(["created", "running", "paused", "restarting", "exited", "dead"]).optional(),
    /** How many containers must match. */
    count: range.default({ min: 1 }),
  })
  .refine((s) => s.kind !== "tmpfs" || s.source === undefined, {
    message: "a tmpfs has no source: leave out `source`",
  })
  .refine((s) => s.kind === "tmpfs" || s.sizeMiB === undefined, {
    message: "`sizeMiB` is for tmpfs mounts",
  });
export type MountsSpec = z.output<typeof schema>;

/** One mount as this check sees it, from any of the places the engine records it. */
interface Seen {
  readonly kind: string;
  readonly source: string | undefined;
  readonly target: string;
  readonly readOnly: boolean;
  readonly sizeBytes: number | undefined;
}

/** `size=16m` in `--tmpfs` options; undefined when absent or relative to memory (`50%`). */
function tmpfsSizeBytes(options: readonly string[]): number | undefined {
  const m = options.map((o) => /^size=(\d+)([kmg]?)$/i.exec(o)).find((x) => x !== null);
  if (!m) return undefined;
  const unit = { "": 1, k: 1024, m: 1048576, g: 1073741824 }[(m[2] ?? "").toLowerCase()] ?? 1;
  return Number(m[1]) * unit || undefined;
}

const clean = (p: string) => posix.normalize(p).replace(/(.)\/+$/, "$1");

function mountsOf(b: unknown): Seen[] {
  const mounts = ((dig(b, "Mounts") ?? []) as Record<string, unknown>[]).map((m) => ({
    kind: String(m.Type),
    source: m.Type === "volume" ? (m.Name as string) : (m.Source as string | undefined),
    target: String(m.Destination),
    readOnly: m.RW === false,
    sizeBytes: undefined as number | undefined,
  }));
  // `--mount type=tmpfs` shows in Mounts without its size: take it from HostConfig.Mounts.
  for (const hm of (dig(b, "HostConfig.Mounts") ?? []) as Record<string, unknown>[]) {
    const m = mounts.find((x) => x.kind === "tmpfs" && x.target === hm.Target);
    const size = dig(hm, "TmpfsOptions.SizeBytes") as number | undefined;
    if (m && size) m.sizeBytes = size;
  }
  for (const [target, options] of Object.entries(
    (dig(b, "HostConfig.Tmpfs") ?? {}) as Record<string, string>,
  )) {
    const opts = options.split(",");
    mounts.push({
      kind: "tmpfs",
      source: undefined,
      target,
      readOnly: opts.includes("ro"),
      sizeBytes: tmpfsSizeBytes(opts),
    });
  }
  return mounts;
}

function inRange(want: z.output<typeof range> | undefined, v: number | undefined): boolean {
  if (want === undefined) return true;
  const r = typeof want === "number" ? { min: want, max: want } : want;
  return v !== undefined && (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);
}

type Want = Pick<MountsSpec, "kind" | "source" | "target" | "readOnly" | "sizeMiB">;

function matches(s: Want, m: Seen): boolean {
  const source =
    s.source === undefined ||
    (s.kind === "bind"
      ? m.source !== undefined && clean(m.source) === clean(posix.resolve(WORKSPACE, s.source))
      : m.source === s.source);
  return (
    m.kind === s.kind &&
    source &&
    (s.target === undefined || clean(m.target) === clean(s.target)) &&
    (s.readOnly === undefined || m.readOnly === s.readOnly) &&
    inRange(s.sizeMiB, m.sizeBytes === undefined ? undefined : m.sizeBytes / 1048576)
  );
}

/** Same kind, and the same source or target: probably what the learner meant. */
function nearly(s: MountsSpec, m: Seen): boolean {
  const sameSource = s.source !== undefined && matches({ kind: s.kind, source: s.source }, m);
  const sameTarget = s.target !== undefined && clean(m.target) === clean(s.target);
  return m.kind === s.kind && (sameSource || sameTarget || (s.source ?? s.target) === undefined);
}

function show(m: Seen): string {
  const size = m.kind !== "tmpfs" ? "" : m.sizeBytes ? `, ${m.sizeBytes / 1048576} MiB` : ", no size limit";
  const from = m.source ? ` ${m.source}` : "";
  return `${m.kind}${from} at ${m.target} (${m.readOnly ? "read-only" : "read-write"}${size})`;
}

function describe(s: MountsSpec): string {
  const what =
    s.kind === "tmpfs"
      ? "a tmpfs"
      : `${s.kind === "volume" ? "volume" : "bind mount of"} ${s.source ?? "anything"}`;
  const where = s.target ? ` at ${s.target}` : "";
  const how = [s.readOnly === undefined ? "" : s.readOnly ? "read-only" : "read-write", s.state ?? ""].filter(
    Boolean,
  );
  return `containers with ${what}${where}${how.length ? ` (${how.join(", ")})` : ""}`;
}

export const mountsCheck: CheckType<MountsSpec> = {
  type: "mounts",
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx: CheckContext) {
    const start = performance.now();
    const subject = describe(s);
    const x = new Expect(subject);
    const list = await ctx.engine("GET", "/containers/json?all=1");
    if (list.status !== 200) throw new Error(`engine answered ${list.status} to container list`);
    const ids = (list.body as { Id: string; State?: string }[])
      .filter((c) => s.state === undefined || c.State === s.state)
      .map((c) => c.Id);
    const seen = await Promise.all(
      ids.map(async (id) => {
        const res = await ctx.engine("GET", `/containers/${encodeURIComponent(id)}/json`);
        if (res.status !== 200) return undefined; // removed meanwhile
        return { name: String(dig(res.body, "Name") ?? id).replace(/^\//, ""), mounts: mountsOf(res.body) };
      }),
    );
    const containers = seen.filter((c) => c !== undefined);
    const names = containers.filter((c) => c.mounts.some((m) => matches(s, m))).map((c) => c.name);
    x.range("count", s.count, names.length);
    if (x.errors.length && names.length) x.fail(`matching: ${names.sort().join(", ")}`);
    // Too few: say what came close, so "no size limit" or "read-write" is not left to guess.
    const min = typeof s.count === "number" ? s.count : (s.count.min ?? 0);
    if (names.length < min)
      for (const c of containers.filter((c) => !names.includes(c.name)))
        for (const m of c.mounts.filter((m) => nearly(s, m))) x.fail(`${c.name} has ${show(m)}`);
    return result(s.name ?? subject, "mounts", x.errors, start);
  },
};
