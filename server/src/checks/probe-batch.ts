// The probes of one evaluation share one exec on the engine side: a networking lab with five
// reach checks costs one round trip, not five (each exec is a runc exec on the host, ~70 ms
// when the machine is quiet and seconds when it is not). Batches are per session (keyed by
// its signal) and take the probes asked for within BATCH_MS of the first; inside, each
// probe runs in its container's network namespace, all at once.
import { randomUUID } from "node:crypto";
import type { CheckContext } from "./check-context.ts";

export interface ProbeJob {
  /** The container's process, whose network namespace the probe enters. */
  readonly pid: number;
  /** Arguments of the probe script. */
  readonly args: readonly string[];
  /** The probe's own bound, in seconds, for each of its three stages. */
  readonly secs: number;
}

interface Pending extends ProbeJob {
  resolve(out: { code: number; output: string }): void;
  reject(e: unknown): void;
}

const BATCH_MS = 10;
const ARGS = 7;

/** $1 the probe script, $2 the marker; then per probe its pid and six arguments. */
const BATCH = `probe=$1 mark=$2; shift 2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
n=0
while [ $# -ge ${ARGS} ]; do
  (nsenter --net="/proc/$1/ns/net" unshare --mount bash -c "$probe" probe "$2" "$3" "$4" "$5" "$6" "$7" >"$dir/$n" 2>&1
   echo $? >"$dir/$n.rc") &
  shift ${ARGS}; n=$((n + 1))
done
wait
for ((i = 0; i < n; i++)); do printf '%s %s %s\\n' "$mark" "$i" "$(cat "$dir/$i.rc")"; cat "$dir/$i"; done
`;

const batches = new WeakMap<AbortSignal, Pending[]>();

export function batchedProbe(ctx: CheckContext, script: string, job: ProbeJob) {
  return new Promise<{ code: number; output: string }>((resolve, reject) => {
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
  const secs = Math.max(...batch.map((p) => p.secs));
  try {
    const args = batch.flatMap((p) => [String(p.pid), ...p.args]);
    // Three bounded stages per probe (name, connect, request), plus the exec itself.
    const out = await ctx.exec(["bash", "-c", BATCH, "batch", script, mark, ...args], {
      target: "engine",
      timeoutMs: 3 * secs * 1000 + 3000,
    });
    if (out.exitCode !== 0)
      throw new Error(
        `reachability probe failed: ${(out.stderr || out.stdout).trim() || `exit ${out.exitCode}`}`,
      );
    const parts = out.stdout.split(`${mark} `).slice(1);
    batch.forEach((p, i) => {
      const m = parts[i]?.match(/^(\d+) (\d+)\n/);
      if (!m || Number(m[1]) !== i) return p.reject(new Error("reachability probe gave no result"));
      p.resolve({ code: Number(m[2]), output: (parts[i] as string).slice(m[0].length) });
    });
  } catch (e) {
    for (const p of batch) p.reject(e);
  }
}
