// Published ports of a container: which must be published, which must not, or exactly which
// are (`ports: { exactly: [] }`: none at all). A running container's bindings are in
// NetworkSettings.Ports; a stopped one keeps only its configuration (HostConfig.PortBindings),
// so both are read and a port counts as published if either has it.
import { z } from "zod";
import { dig, type Expect } from "./expect.ts";
import { setField, setSpec } from "./spec-fields.ts";

const portSchema = z.strictObject({
  // A number too: a variable standing for the whole value renders as one (`${{ app_port }}`).
  container: z.union([
    z.number().int().min(1).max(65535).transform(String),
    z.string().regex(/^\d+(\/(tcp|udp|sctp))?$/, 'expected a port such as "80" or "53/udp"'),
  ]),
  host: z.number().int().optional(),
});
export const portsField = setField(portSchema);
export type PortsSpec = z.output<typeof portsField>;
type Port = z.output<typeof portSchema>;

type Bindings = Record<string, { HostPort?: string }[] | null> | null | undefined;

const keyOf = (p: Port) => (p.container.includes("/") ? p.container : `${p.container}/tcp`);

/** Container port ("80/tcp") → host ports it is published on (NaN for "any free port"). */
function published(body: unknown): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const b of [dig(body, "NetworkSettings.Ports"), dig(body, "HostConfig.PortBindings")] as Bindings[])
    for (const [key, hosts] of Object.entries(b ?? {}))
      for (const h of hosts ?? []) out.set(key, [...(out.get(key) ?? []), Number(h.HostPort || NaN)]);
  return out;
}

export function matchPorts(x: Expect, want: PortsSpec | undefined, body: unknown): void {
  if (want === undefined) return;
  const s = setSpec<Port>(want);
  const have = published(body);
  const on = (p: Port) => have.get(keyOf(p)) ?? [];
  for (const p of [...(s.include ?? []), ...(s.exactly ?? [])]) {
    const hosts = on(p);
    if (hosts.length === 0) x.fail(`port ${keyOf(p)} expected to be published, but it is not`);
    else if (p.host !== undefined && !hosts.includes(p.host))
      x.fail(`port ${keyOf(p)} expected on host port ${p.host}, got ${hosts.join(", ")}`);
  }
  for (const p of s.not ?? []) {
    const hosts = on(p);
    if (p.host === undefined ? hosts.length > 0 : hosts.includes(p.host))
      x.fail(`port ${keyOf(p)} expected not to be published${p.host ? ` on ${p.host}` : ""}, but it is`);
  }
  if (s.exactly === undefined) return;
  const allowed = new Set(s.exactly.map(keyOf));
  const extra = [...have.keys()].filter((k) => !allowed.has(k)).sort();
  if (extra.length)
    x.fail(
      `published ports expected to be exactly ${JSON.stringify([...allowed].sort())}, but ${extra.join(", ")} ${extra.length > 1 ? "are" : "is"} published too`,
    );
}
