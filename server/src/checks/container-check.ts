// Inspects one container of the learner's engine (GET /containers/{name}/json) and compares
// the fields the spec names; fields left out are not checked.
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";

const range = z.union([
  z.number(),
  z.strictObject({ min: z.number().optional(), max: z.number().optional() }),
]);

const schema = z.strictObject({
  type: z.literal("container"),
  name: z.string().optional(),
  container: z.string().min(1),
  exists: z.boolean().default(true),
  state: z.enum(["created", "running", "paused", "restarting", "exited", "dead"]).optional(),
  exitCode: z.number().int().optional(),
  oomKilled: z.boolean().optional(),
  restartCount: range.optional(),
  restartPolicy: z.enum(["no", "always", "unless-stopped", "on-failure"]).optional(),
  memoryMiB: range.optional(),
  cpus: range.optional(),
  pids: range.optional(),
  networks: z.array(z.string()).optional(),
  ports: z.array(z.strictObject({ container: z.string(), host: z.number().int().optional() })).optional(),
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
  env: z.record(z.string(), z.string()).optional(),
  user: z.string().optional(),
  image: z.string().optional(),
  health: z.enum(["healthy", "unhealthy", "starting", "none"]).optional(),
  labels: z.record(z.string(), z.string()).optional(),
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
    x.equal("State.Status", s.state, dig(b, "State.Status"));
    x.equal("State.ExitCode", s.exitCode, dig(b, "State.ExitCode"));
    x.equal("State.OOMKilled", s.oomKilled, dig(b, "State.OOMKilled"));
    x.range("RestartCount", s.restartCount, dig(b, "RestartCount") as number | undefined);
    x.equal(
      "HostConfig.RestartPolicy.Name",
      s.restartPolicy,
      dig(b, "HostConfig.RestartPolicy.Name") || "no",
    );
    const mem = dig(b, "HostConfig.Memory") as number | undefined;
    x.range("memory limit (MiB)", s.memoryMiB, mem ? mem / 1048576 : undefined);
    const nano = dig(b, "HostConfig.NanoCpus") as number | undefined;
    x.range("cpu limit", s.cpus, nano ? nano / 1e9 : undefined);
    x.range("pids limit", s.pids, (dig(b, "HostConfig.PidsLimit") as number | null) || undefined);
    x.includes("networks", s.networks, Object.keys((dig(b, "NetworkSettings.Networks") as object) ?? {}));
    const ports = (dig(b, "NetworkSettings.Ports") ?? {}) as Record<string, { HostPort: string }[] | null>;
    for (const p of s.ports ?? []) {
      const key = p.container.includes("/") ? p.container : `${p.container}/tcp`;
      const hostPorts = (ports[key] ?? []).map((h) => Number(h.HostPort));
      if (hostPorts.length === 0) x.fail(`port ${key} expected to be published, but it is not`);
      else if (p.host !== undefined && !hostPorts.includes(p.host))
        x.fail(`port ${key} expected on host port ${p.host}, got ${hostPorts.join(", ")}`);
    }
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
    for (const [k, v] of Object.entries(s.env ?? {})) x.equal(`env ${k}`, v, env.get(k));
    x.equal("Config.User", s.user, dig(b, "Config.User") || "");
    x.equal("Config.Image", s.image, dig(b, "Config.Image"));
    x.equal("State.Health.Status", s.health, dig(b, "State.Health.Status") ?? "none");
    const labels = (dig(b, "Config.Labels") ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(s.labels ?? {})) x.equal(`label ${k}`, v, labels[k]);
    return result(name, "container", x.errors, start);
  },
};
