// npm run bench -- sessions: start latency (cold, warm, and a plain `docker run` of the same
// engine image as baseline), idle sandbox memory, and 50 concurrent sessions with a leak count;
// then pause-bench.ts (resume latency, a paused sandbox's cost, 30 pauses and resumes at once).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/src/config.ts";
import { ephemeralInstance } from "../server/src/sessions/reconcile/ephemeral-instance.ts";
import { hostFacts, startTestApp, type TestApp } from "../test/support/test-app.ts";
import { percentile, report } from "./stats.ts";

const RUNS = 7;

async function startToDockerVersion(t: TestApp): Promise<{ ms: number; id: string; token: string }> {
  const t0 = performance.now();
  const s = await t.startSession();
  const r = await t.exec(s, "docker version --format '{{.Server.Version}}'");
  if (r.exitCode !== 0) throw new Error(`docker version failed: ${r.stderr}`);
  return { ms: performance.now() - t0, ...s };
}

async function waitForPool(t: TestApp, size: number): Promise<void> {
  await t.app.sessions.pool.refill();
  while (t.app.sessions.pool.ids().size < size || t.app.sessions.pool.creating.size > 0)
    await new Promise((r) => setTimeout(r, 50));
}

function baselineRun(): number {
  const f = hostFacts();
  const engine = f.images.find((i) => i.name === "engine")?.ref ?? "slipway/engine:latest";
  const elevated = f.privileged
    ? ["--privileged"]
    : [
        "--cap-add",
        "ALL",
        "--cap-drop",
        "SYS_RESOURCE",
        "--security-opt",
        "seccomp=unconfined",
        "--security-opt",
        "apparmor=unconfined",
        "--security-opt",
        "systempaths=unconfined",
        "--device-cgroup-rule",
        "a *:* rwm",
      ];
  const cgroup =
    f.cgroupVersion === "1" ? ["--cgroupns", "host", "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw"] : [];
  const name = `slipway-bench-baseline-${Date.now()}`;
  const t0 = performance.now();
  execFileSync("docker", [
    "run",
    "-d",
    "--name",
    name,
    ...elevated,
    ...cgroup,
    "-v",
    `${name}:/var/lib/docker`,
    engine,
  ]);
  try {
    for (;;) {
      try {
        execFileSync("docker", ["exec", name, "docker", "version", "--format", "{{.Server.Version}}"], {
          stdio: "ignore",
        });
        return performance.now() - t0;
      } catch {
        // not yet
      }
    }
  } finally {
    execFileSync("docker", ["rm", "-f", "-v", name], { stdio: "ignore" });
    execFileSync("docker", ["volume", "rm", name], { stdio: "ignore" });
  }
}

function memoryMiB(containers: string[]): number {
  const out = execFileSync("docker", [
    "stats",
    "--no-stream",
    "--format",
    "{{.MemUsage}}",
    ...containers,
  ]).toString();
  return out
    .trim()
    .split("\n")
    .reduce((sum, line) => {
      const m = line.match(/^([\d.]+)(KiB|MiB|GiB)/);
      const n = Number(m?.[1] ?? 0);
      return sum + (m?.[2] === "GiB" ? n * 1024 : m?.[2] === "KiB" ? n / 1024 : n);
    }, 0);
}

function leftovers(instance: string): number {
  const count = (args: string[]) =>
    execFileSync("docker", [...args, "-q", "--filter", `label=io.slipway.instance=${instance}`])
      .toString()
      .trim()
      .split("\n")
      .filter(Boolean).length;
  return count(["ps", "-a"]) + count(["network", "ls"]) + count(["volume", "ls"]);
}

export async function sessionsBench(): Promise<void> {
  console.log(
    "sessions: start latency = POST /api/sessions until `docker version` answers in the workstation",
  );
  const cold: number[] = [];
  const t = await startTestApp({ SLIPWAY_MAX_SESSIONS: "60" });
  for (let i = 0; i < RUNS; i++) {
    const s = await startToDockerVersion(t);
    cold.push(s.ms);
    await t.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token);
  }
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) base.push(baselineRun());

  const warmApp = await startTestApp({ SLIPWAY_POOL_SIZE: "2" });
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await waitForPool(warmApp, 2);
    const s = await startToDockerVersion(warmApp);
    warm.push(s.ms);
    await warmApp.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token);
  }
  await warmApp.close();

  console.log(report("cold start (new sandbox)", cold));
  console.log(report("warm start (from the pool)", warm));
  console.log(report("baseline: docker run engine image → dockerd", base));
  console.log(
    `cold/baseline p50 ratio ${(percentile(cold, 50) / percentile(base, 50)).toFixed(2)}, warm/baseline ${(percentile(warm, 50) / percentile(base, 50)).toFixed(2)}`,
  );

  const idle = await t.startSession();
  await new Promise((r) => setTimeout(r, 10_000));
  const mem = memoryMiB([`slipway-${idle.id}-engine`, `slipway-${idle.id}-ws`]);
  console.log(`idle sandbox memory (engine + workstation, after 10 s): ${mem.toFixed(1)} MiB`);
  await t.api("DELETE", `/api/sessions/${idle.id}`, undefined, idle.token);
  await t.close();

  const instance = ephemeralInstance("bench-50");
  const many = await startTestApp({ SLIPWAY_MAX_SESSIONS: "60", SLIPWAY_INSTANCE: instance });
  const t0 = performance.now();
  // Settled, not all: one failed start must not abandon the other 49 running sandboxes.
  const results = await Promise.allSettled(Array.from({ length: 50 }, () => many.startSession()));
  const up = performance.now() - t0;
  const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
  await Promise.all(started.map((s) => many.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token)));
  await many.close();
  const disks = started.filter((s) => existsSync(join(loadConfig().stateDir, "sandboxes", s.id))).length;
  console.log(
    `50 concurrent sessions: ${started.length} ready in ${(up / 1000).toFixed(1)} s, ${failed.length} failed; leaked after stop: ${leftovers(instance)} Docker resources, ${disks} sandbox disks`,
  );
  if (failed.length) console.log(`first failure: ${failed[0]}`);
}
