// The probes of one evaluation share one exec on the engine side: a networking lab with five
// reach checks costs one round trip, not five (each exec is a runc exec on the host, ~70 ms
// when the machine is quiet and seconds when it is not), and probes from one container
// share one entry into its namespaces. Batches are per session (keyed by its signal) and
// take the probes asked for within BATCH_MS of the first.
import { randomUUID } from "node:crypto";
import type { CheckContext } from "./check-context.ts";

export interface ProbeJob {
  /** The container's process, whose network namespace the probe enters. */
  readonly pid: number;
  /** The resolver files Docker made for it, bound over the engine's own. */
  readonly resolvConf: string;
  readonly hostsFile: string;
  /** The probe's own arguments (after its index). */
  readonly args: readonly string[];
  /** The probe's bound, in seconds, for each of its three stages. */
  readonly secs: number;
}

interface Pending extends ProbeJob {
  resolve(output: string): void;
  reject(e: unknown): void;
}

const BATCH_MS = 10;

/** $1 the per-container script, $2 the marker; then per container: pid, resolv.conf, hosts,
 *  how many probes, and their arguments (index first). Prints every result file. */
const BATCH = `probe=$1 mark=$2; shift 2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
while [ $# -gt 0 ]; do
  pid=$1 resolv=$2 hosts=$3 n=$4; shift 4
  nsenter --net="/proc/$pid/ns/net" unshare --mount bash -c "$probe" probe "$dir" "$resolv" "$hosts" "$mark" "\${@:1:n}" &
  shift "$n"
done
wait
cat "$dir"/r* 2>/dev/null
exit 0
`;

const batches = new WeakMap<AbortSignal, Pending[]>();

/** The probe's output (after its marker line); rejects if it gave none. */
export function batchedProbe(ctx: CheckContext, script: string, job: ProbeJob): Promise<string> {
  return new Promise((resolve, reject) => {
    let batch = batches.get(ctx.signal);
    if (!batch) {
      const fresh: Pending[] = [];
      batches.set(ctx.signal, (batch = fresh));
      setTimeout(() => {
        batches.delete(ctx.signal);
        void flush(ctx, script, fresh);
      }, BATCH_MS);
    }
    batch.push({ ...job, resolve, reject });
  });
}

async function flush(ctx: CheckContext, script: string, batch: readonly Pending[]): Promise<void> {
  // Unguessable, so a page a learner's server returns cannot pose as another probe's result.
  const mark = `@@slipway-probe-${randomUUID()}`;
  const groups = new Map<string, number[]>();
  batch.forEach((p, i) => {
    const key = `${p.pid} ${p.resolvConf} ${p.hostsFile}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const args = [...groups.values()].flatMap((indexes) => {
    const first = batch[indexes[0] as number] as Pending;
    const probes = indexes.flatMap((i) => [String(i), ...(batch[i] as Pending).args]);
    return [String(first.pid), first.resolvConf, first.hostsFile, String(probes.length), ...probes];
  });
  const secs = Math.max(...batch.map((p) => p.secs));
  try {
    // Three bounded stages per probe (name, connection, request), all at once, plus the exec.
    const out = await ctx.exec(["bash", "-c", BATCH, "batch", script, mark, ...args], {
      target: "engine",
      timeoutMs: 3 * secs * 1000 + 3000,
    });
    if (out.exitCode === null) throw new Error("reachability probe timed out");
    const results = new Map<number, string>();
    for (const part of out.stdout.split(`${mark} `).slice(1)) {
      const nl = part.indexOf("\n");
      results.set(Number(part.slice(0, nl)), part.slice(nl + 1));
    }
    const why = out.stderr.trim().split("\n").at(-1) || "no result";
    batch.forEach((p, i) => {
      const r = results.get(i);
      if (r === undefined) p.reject(new Error(`reachability probe failed: ${why}`));
      else p.resolve(r);
    });
  } catch (e) {
    for (const p of batch) p.reject(e);
  }
}
