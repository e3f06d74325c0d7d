// The containers named in `args.containers` share a network the team created (not Docker's
// default bridge, where there is no DNS), and none of them pins a peer's address with
// --link or --add-host. With the reach check beside it this says "found by name, through
// Docker's DNS": reach alone also passes for an address written into /etc/hosts.
import type { CheckContext } from "../../../server/src/checks/check-context.ts";

// Networks every engine has: none of them gives containers the embedded DNS.
const BUILTIN = new Set(["bridge", "host", "none"]);

interface Inspect {
  NetworkSettings?: { Networks?: Record<string, unknown> };
  HostConfig?: { Links?: string[] | null; ExtraHosts?: string[] | null };
}

export async function check(ctx: CheckContext, args: Record<string, unknown>) {
  const names = (args.containers as string[] | undefined) ?? [];
  if (names.length < 2) return { pass: false, errors: ["args.containers: name at least two containers"] };
  const errors: string[] = [];
  const networks: Set<string>[] = [];
  for (const name of names) {
    const res = await ctx.engine("GET", `/containers/${encodeURIComponent(name)}/json`);
    if (res.status !== 200) {
      errors.push(`container ${name}: expected to exist, but there is no container with that name`);
      continue;
    }
    const c = res.body as Inspect;
    const joined = Object.keys(c.NetworkSettings?.Networks ?? {});
    networks.push(new Set(joined.filter((n) => !BUILTIN.has(n))));
    const links = c.HostConfig?.Links ?? [];
    const hosts = c.HostConfig?.ExtraHosts ?? [];
    if (links.length) errors.push(`container ${name}: expected no --link, got ${links.join(", ")}`);
    if (hosts.length) errors.push(`container ${name}: expected no --add-host, got ${hosts.join(", ")}`);
  }
  if (networks.length === names.length) {
    const shared = [...networks[0]!].filter((n) => networks.every((s) => s.has(n)));
    if (shared.length === 0)
      errors.push(
        `${names.join(" and ")}: expected to share a network you created, but they share none ` +
          `(only Docker's built-in networks, or networks the others are not on)`,
      );
  }
  return { pass: errors.length === 0, errors };
}
