// npm run bench -- labs [--labs a,b] [--phase cold|prepared] (also part of `sessions`): how
// long each lab in labs/ takes from POST /api/sessions to ready (files in place, images
// pulled, setup done), cold and from a sandbox the pool prepared for it; and the memory the
// prepared sandboxes hold. The first cold start of a lab that pulls images also makes its disk
// template; the next ones copy it.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/src/config.ts";
import { loadLab } from "../server/src/labs/lab-loader.ts";
import { toSessionLab } from "../server/src/labs/session-lab.ts";
import { gainsFromPreparing } from "../server/src/sessions/launch/pool-plan.ts";
import { startTestApp, type TestApp } from "../test/support/test-app.ts";
import { ms, report } from "./stats.ts";

const RUNS = 4;
const PREPARED_RUNS = 3;

async function timedStart(t: TestApp, lab: string): Promise<{ ms: number; origin: string | undefined }> {
  const t0 = performance.now();
  const s = await t.startSession(lab);
  const took = performance.now() - t0;
  const origin = t.app.sessions.get(s.id).origin;
  await t.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token);
  return { ms: took, origin };
}

async function preparedFor(t: TestApp, lab: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  void t.app.sessions.pool.refill();
  while (!t.app.sessions.pool.list().some((p) => p.lab === lab)) {
    if (Date.now() > deadline) throw new Error(`no sandbox was prepared for ${lab} in 10 minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Resident memory of the pool's sandboxes (engine and workstation containers, with every
 *  container their engines run, as their cgroups count it). */
function poolMemoryMiB(t: TestApp): number {
  const ids = t.app.sessions.pool.list().map((p) => p.id);
  if (!ids.length) return 0;
  const names = ids.flatMap((id) => [`slipway-${id}-engine`, `slipway-${id}-ws`]);
  const out = execFileSync("docker", [
    "stats",
    "--no-stream",
    "--format",
    "{{.MemUsage}}",
    ...names,
  ]).toString();
  const unit: Record<string, number> = { B: 1 / 2 ** 20, KiB: 1 / 1024, MiB: 1, GiB: 1024 };
  return out
    .split("\n")
    .map((l) => /^([\d.]+)(B|KiB|MiB|GiB)/.exec(l.trim()))
    .reduce((sum, m) => sum + (m ? Number(m[1]) * (unit[m[2] ?? "MiB"] ?? 1) : 0), 0);
}

/** The value after `--name` on the command line, if any. */
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
};

export async function labStartsBench(): Promise<void> {
  const { labsDir } = loadConfig();
  const only = option("labs")?.split(",");
  const phase = option("phase");
  const labs = readdirSync(labsDir).filter(
    (d) => existsSync(join(labsDir, d, "lab.yaml")) && (!only || only.includes(d)),
  );
  if (phase !== "prepared") await coldStarts(labs);
  if (phase !== "cold") await preparedStarts(labs);
}

async function coldStarts(labs: readonly string[]): Promise<void> {
  console.log(
    "labs: start = POST /api/sessions until ready (files, images, setup); first = makes the disk template",
  );
  const cold = await startTestApp({ SLIPWAY_MAX_SESSIONS: "8" });
  try {
    for (const lab of labs) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push((await timedStart(cold, lab)).ms);
      const [first = 0, ...rest] = times;
      console.log(`${report(`${lab} (cold)`, rest)}   first ${ms(first)}`);
    }
  } finally {
    await cold.close();
  }
}

async function preparedStarts(labs: readonly string[]): Promise<void> {
  const { labsDir } = loadConfig();
  const preparable: string[] = [];
  for (const id of labs) {
    const { lab } = await loadLab(join(labsDir, id));
    if (lab && gainsFromPreparing(toSessionLab(lab, { setup: true }, async (l) => l))) preparable.push(id);
  }
  console.log("labs: prepared = the same, from a sandbox the pool prepared for the lab (its setup done)");
  const warm = await startTestApp({
    SLIPWAY_MAX_SESSIONS: "8",
    SLIPWAY_POOL_LABS: labs.join(","),
    SLIPWAY_POOL_MEMORY_MIB: String(labs.length * 8192),
  });
  try {
    for (const lab of labs) {
      const times: number[] = [];
      if (!preparable.includes(lab)) {
        console.log(`${lab.padEnd(44)} not prepared: an empty pooled sandbox serves it`);
        continue;
      }
      for (let i = 0; i < PREPARED_RUNS; i++) {
        await preparedFor(warm, lab);
        const r = await timedStart(warm, lab);
        if (r.origin === "prepared") times.push(r.ms);
        else console.log(`  ${lab}: a start did not get a prepared sandbox (${r.origin})`);
      }
      console.log(report(`${lab} (prepared)`, times));
    }
    for (const lab of preparable) await preparedFor(warm, lab);
    const held = poolMemoryMiB(warm);
    const n = warm.app.sessions.pool.list().length;
    console.log(
      `prepared pool: ${n} sandboxes hold ${held.toFixed(0)} MiB (${(held / Math.max(1, n)).toFixed(0)} MiB each)`,
    );
  } finally {
    await warm.close();
  }
}
