// npm run bench -- pause (also part of `sessions`): resume latency of a sandbox holding a
// running nginx and a MySQL with data, what a paused sandbox costs, and the throughput of
// pausing and resuming 30 sandboxes at once (--count N for fewer on a shared machine, 0 to
// skip; --cycles N pause/resume cycles for the latency).
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/src/config.ts";
import { ephemeralInstance } from "../server/src/sessions/reconcile/ephemeral-instance.ts";
import { type TestApp, startTestApp } from "../test/support/test-app.ts";
import { report } from "./stats.ts";

export interface PauseBenchOptions {
  /** Sandboxes paused and resumed at once (30). */
  count?: number;
  /** Pause/resume cycles of the one sandbox (7). */
  cycles?: number;
}
type S = { id: string; token: string };

async function move(t: TestApp, s: S, to: "pause" | "resume"): Promise<void> {
  const r = await t.api<{ state: string }>("POST", `/api/sessions/${s.id}/${to}`, {}, s.token);
  const want = to === "pause" ? "paused" : "ready";
  if (r.status !== 200 || r.body.state !== want) throw new Error(`${to} ${s.id}: ${JSON.stringify(r.body)}`);
}

/** MiB the sandbox's two containers use now (0 when they are stopped). */
function memoryMiB(id: string): number {
  const out = execFileSync("docker", [
    "stats",
    "--no-stream",
    "--format",
    "{{.MemUsage}}",
    `slipway-${id}-engine`,
    `slipway-${id}-ws`,
  ]);
  return out
    .toString()
    .trim()
    .split("\n")
    .reduce((sum, line) => {
      const m = /^([\d.]+)(B|KiB|MiB|GiB)/.exec(line);
      const unit = { B: 1 / 1024 ** 2, KiB: 1 / 1024, MiB: 1, GiB: 1024 }[m?.[2] as "B"] ?? 0;
      return sum + Number(m?.[1] ?? 0) * unit;
    }, 0);
}

const diskMiB = (id: string) =>
  (statSync(join(loadConfig().stateDir, "sandboxes", id, "disk.img")).blocks * 512) / 1024 ** 2;
const mounted = (id: string) => readFileSync("/proc/mounts", "utf8").includes(`sandboxes/${id}/disk`);

export async function pauseBench({ count = 30, cycles = 7 }: PauseBenchOptions = {}): Promise<void> {
  // The figures depend on what else the host runs: say how busy it was.
  console.log(
    `host load average at start: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
  );
  console.log(
    "pause: resume latency = POST /resume until it answers (engine up, gateway open); then until nginx and MySQL answer",
  );
  const t = await startTestApp({ SLIPWAY_MAX_SESSIONS: String(count + 5) });
  try {
    const s = await t.startSession();
    const setup = await t.exec(
      s,
      "docker run -d --name web --restart always -p 8080:80 nginx >/dev/null && " +
        "docker run -d --name db --restart always -e MYSQL_ROOT_PASSWORD=pw -v dbdata:/var/lib/mysql mysql:8 >/dev/null && " +
        "for i in $(seq 240); do docker exec db mysql -uroot -ppw -e 'select 1' >/dev/null 2>&1 && break; sleep 1; done && " +
        "docker exec db mysql -uroot -ppw -e 'create database shop; create table shop.t (x int); insert into shop.t values (42)' 2>/dev/null && echo ready",
      600_000,
    );
    if (setup.stdout.trim() !== "ready") throw new Error(`setup failed: ${setup.stderr}`);
    const running = memoryMiB(s.id);
    const pauses: number[] = [];
    const resumes: number[] = [];
    const services: number[] = [];
    for (let i = 0; i < cycles; i++) {
      let t0 = performance.now();
      await move(t, s, "pause");
      pauses.push(performance.now() - t0);
      if (i === 0)
        console.log(
          `paused sandbox: ${memoryMiB(s.id).toFixed(1)} MiB of memory (running: ${running.toFixed(1)} MiB), disk mounted: ${mounted(s.id)}, disk image ${diskMiB(s.id).toFixed(0)} MiB on the host`,
        );
      t0 = performance.now();
      await move(t, s, "resume");
      resumes.push(performance.now() - t0);
      const r = await t.exec(
        s,
        "until curl -sf localhost:8080 >/dev/null; do sleep 0.05; done; " +
          "until docker exec db mysql -uroot -ppw -N -e 'select x from shop.t' 2>/dev/null; do sleep 0.2; done",
        300_000,
      );
      services.push(performance.now() - t0);
      if (r.stdout.trim() !== "42") throw new Error(`MySQL lost its data: ${r.stdout} ${r.stderr}`);
    }
    console.log(report("pause (nginx + MySQL running)", pauses));
    console.log(report("resume: POST until it answers", resumes));
    console.log(report("resume: until nginx and MySQL answer", services));
    await t.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token);
  } finally {
    await t.close();
  }
  if (count === 0) return;

  const instance = ephemeralInstance("bench-pause-30");
  const many = await startTestApp({ SLIPWAY_MAX_SESSIONS: String(count + 5), SLIPWAY_INSTANCE: instance });
  try {
    // Settled, not all: one start that fails on a busy host must not abandon the others.
    const starts = await Promise.allSettled(Array.from({ length: count }, () => many.startSession()));
    const started = starts.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    await Promise.all(
      started.map((s) => many.exec(s, "docker run -d --restart always busybox sleep 1d >/dev/null")),
    );
    const timed = async (to: "pause" | "resume") => {
      const t0 = performance.now();
      const moved = await Promise.allSettled(started.map((s) => move(many, s, to)));
      const failed = moved.filter((r) => r.status === "rejected").length;
      return { s: (performance.now() - t0) / 1000, failed };
    };
    const paused = await timed("pause");
    const resumed = await timed("resume");
    const n = started.length;
    console.log(
      `${n} sandboxes at once (${count - n} failed to start): paused in ${paused.s.toFixed(1)} s (${(n / paused.s).toFixed(2)}/s, ${paused.failed} failed), resumed in ${resumed.s.toFixed(1)} s (${(n / resumed.s).toFixed(2)}/s, ${resumed.failed} failed)`,
    );
  } finally {
    await many.close();
  }
}
