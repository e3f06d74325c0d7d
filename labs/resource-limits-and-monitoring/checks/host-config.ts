// Reads a container's limits as the engine stored them (one API call, no process started in
// the sandbox), for what the container check has no field for: swap, and a CPU cap given as
// --cpus or as --cpu-quota/--cpu-period.
import type { CheckContext } from "../../../server/src/checks/check-context.ts";

interface HostConfig {
  Memory?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  CpuQuota?: number;
  CpuPeriod?: number;
}

type Verdict = true | { pass: false; errors: string[] };
const fail = (error: string): Verdict => ({ pass: false, errors: [error] });

export async function check(ctx: CheckContext, args: Record<string, unknown>): Promise<Verdict> {
  const name = String(args.container);
  const res = await ctx.engine("GET", `/containers/${encodeURIComponent(name)}/json`);
  if (res.status === 404) return fail(`there is no container called ${name}`);
  const hc = ((res.body as { HostConfig?: HostConfig }).HostConfig ?? {}) as HostConfig;
  if (args.noSwap === true) {
    const mem = hc.Memory ?? 0;
    const total = hc.MemorySwap ?? 0;
    if (mem <= 0) return fail(`${name} has no memory limit`);
    // Memory+swap equal to memory means no swap; --memory alone allows as much again.
    if (total !== mem) {
      const swap = total < 0 ? "unlimited" : `${(total - mem) / 1048576} MiB`;
      return fail(`${name} may use ${swap} of swap on top of its ${mem / 1048576} MiB`);
    }
  }
  if (typeof args.maxCpus === "number") {
    const cpus = cpuCap(hc);
    if (cpus === undefined) return fail(`${name} has no CPU cap`);
    if (cpus > args.maxCpus) return fail(`${name} may use ${cpus} CPUs, more than ${args.maxCpus}`);
  }
  return true;
}

function cpuCap(hc: HostConfig): number | undefined {
  if (hc.NanoCpus && hc.NanoCpus > 0) return hc.NanoCpus / 1e9;
  // The kernel's default period is 100 ms when only a quota is given.
  if (hc.CpuQuota && hc.CpuQuota > 0)
    return hc.CpuQuota / (hc.CpuPeriod && hc.CpuPeriod > 0 ? hc.CpuPeriod : 100_000);
  return undefined;
}
