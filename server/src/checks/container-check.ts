// Inspects one container of the learner's engine (GET /containers/{name}/json) and compares
// the fields the spec names; fields left out are not checked.
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";
import { familiarString, parseImageRef } from "./image-ref.ts";
import { recordedImageMatches } from "./image-match.ts";
import { matchPorts, portsField } from "./port-match.ts";
import { imageRefField, isNot, orNot, rangeField, setField } from "./spec-fields.ts";

const states = z.enum(["created", "running", "paused", "restarting", "exited", "dead"]);
const schema = z.strictObject({
  type: z.literal("container"),
  name: z.string().optional(),
  container: z.string().min(1),
  exists: z.boolean().default(true),
  state: orNot(states).optional(),
  exitCode: orNot(z.number().int()).optional(),
  oomKilled: z.boolean().optional(),
  restartCount: rangeField.optional(),
  restartPolicy: orNot(z.enum(["no", "always", "unless-stopped", "on-failure"])).optional(),
  memoryMiB: rangeField.optional(),
  cpus: rangeField.optional(),
  pids: rangeField.optional(),
  networks: setField(z.string()).optional(),
  ports: portsField.optional(),
  mounts: z
    .array(
      z.strictObject({
        type: z.enum(["volume", "bind"]).optional(),
        source: z.string().optional(),
        target: z.string(),
        readOnly: z.boolean().optional(),
      }),
    )
    .optional(),
  env: z.record(z.string(), orNot(z.string())).optional(),
  user: orNot(z.string()).optional(),
  image: orNot(imageRefField).optional(),
  health: orNot(z.enum(["healthy", "unhealthy", "starting", "none"])).optional(),
  labels: z.record(z.string(), orNot(z.string())).optional(),
});
export type ContainerSpec = z.output<typeof schema>;

interface Mount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  RW?: boolean;
}

export const containerCheck: CheckType<ContainerSpec> = {
  type: "container",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx: CheckContext) {
    const start = performance.now();
    const name = s.name ?? `container ${s.container}`;
    const x = new Expect(`container ${s.container}`);
    const res = await ctx.engine("GET", `/containers/${encodeURIComponent(s.container)}/json`);
    if (res.status === 404) {
      if (s.exists) x.fail("expected to exist, but there is no container with that name");
      return result(name, "container", x.errors, start);
    }
    if (res.status !== 200) throw new Error(`engine answered ${res.status} to inspect`);
    if (!s.exists) x.fail("expected not to exist, but it does");
    const b = res.body;
    x.is("State.Status", s.state, dig(b, "State.Status"));
    x.is("State.ExitCode", s.exitCode, dig(b, "State.ExitCode"));
    x.equal("State.OOMKilled", s.oomKilled, dig(b, "State.OOMKilled"));
    x.range("RestartCount", s.restartCount, dig(b, "RestartCount") as number | undefined);
    x.is("HostConfig.RestartPolicy.Name", s.restartPolicy, dig(b, "HostConfig.RestartPolicy.Name") || "no");
    const mem = dig(b, "HostConfig.Memory") as number | undefined;
    x.range("memory limit (MiB)", s.memoryMiB, mem ? mem / 1048576 : undefined);
    const nano = dig(b, "HostConfig.NanoCpus") as number | undefined;
    x.range("cpu limit", s.cpus, nano ? nano / 1e9 : undefined);
    x.range("pids limit", s.pids, (dig(b, "HostConfig.PidsLimit") as number | null) || undefined);
    x.set("networks", s.networks, Object.keys((dig(b, "NetworkSettings.Networks") as object) ?? {}));
    matchPorts(x, s.ports, b);
    const mounts = (dig(b, "Mounts") ?? []) as Mount[];
    for (const m of s.mounts ?? []) {
      const found = mounts.find((a) => a.Destination === m.target);
      if (!found) {
        x.fail(`mount at ${m.target} expected, got ${mounts.map((a) => a.Destination).join(", ") || "none"}`);
        continue;
      }
      x.equal(`mount ${m.target} type`, m.type, found.Type);
      if (m.source !== undefined && m.source !== found.Name && m.source !== found.Source)
        x.fail(`mount ${m.target} source expected "${m.source}", got "${found.Name ?? found.Source}"`);
      x.equal(`mount ${m.target} readOnly`, m.readOnly, found.RW === false);
    }
    const env = new Map(
      ((dig(b, "Config.Env") ?? []) as string[]).map((e) => [e.split("=")[0], e.slice(e.indexOf("=") + 1)]),
    );
    for (const [k, v] of Object.entries(s.env ?? {})) x.is(`env ${k}`, v, env.get(k));
    x.is("Config.User", s.user, dig(b, "Config.User") || "");
    if (s.image !== undefined) await matchImage(x, ctx, s.image, b);
    x.is("State.Health.Status", s.health, dig(b, "State.Health.Status") ?? "none");
    const labels = (dig(b, "Config.Labels") ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(s.labels ?? {})) x.is(`label ${k}`, v, labels[k]);
    return result(name, "container", x.errors, start);
  },
};

/** `image: nginx` accepts any tag of nginx however it was spelled; `{ not: nginx }` none. */
async function matchImage(x: Expect, ctx: CheckContext, want: string | { not: string }, b: unknown) {
  const ref = parseImageRef(isNot(want) ? want.not : want);
  const typed = dig(b, "Config.Image") as string | undefined;
  const same = await recordedImageMatches(ctx, ref, typed, dig(b, "Image") as string | undefined);
  if (same === isNot(want))
    x.fail(
      `image expected ${isNot(want) ? "anything but " : ""}${familiarString(ref)}${ref.tag || ref.digest ? "" : " (any tag)"}, got ${JSON.stringify(typed)}`,
    );
}
