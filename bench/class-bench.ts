// npm run bench -- class [--learners N]: a class of N learners (default 30) with real
// sandboxes, each driven through first-container's solutions, with the dashboard's event
// stream open. Reports the dashboard's update latency (from the moment the server recorded
// a step passed to the first pushed dashboard that shows it) and the server's CPU and
// memory. The server runs in this process, so its CPU includes the bench's own client work.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadConfig } from "../server/src/config.ts";
import type { ClassCreated, DashboardView } from "../common/class-views.ts";
import { startTestApp } from "../test/support/test-app.ts";
import { percentile, report } from "./stats.ts";

const LAB = "first-container";
const OURS = { "x-slipway-client": "1", "sec-fetch-site": "same-origin", "content-type": "application/json" };

function learnersWanted(): number {
  const i = process.argv.indexOf("--learners");
  const n = i >= 0 ? Number(process.argv[i + 1]) : 30;
  if (!Number.isInteger(n) || n < 1) throw new Error("--learners takes a whole number");
  return n;
}

function solutions(repoRoot: string): string[] {
  const dir = join(repoRoot, "labs", LAB);
  const lab = parse(readFileSync(join(dir, "lab.yaml"), "utf8")) as { steps: { solution: string }[] };
  return lab.steps.map((s) => readFileSync(join(dir, s.solution), "utf8"));
}

export async function classBench(): Promise<void> {
  const n = learnersWanted();
  console.log(
    `host load average at start: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
  );
  console.log(`class: ${n} learners in ${LAB}, each through its solutions`);
  const t = await startTestApp({ SLIPWAY_MAX_SESSIONS: String(n + 2) });
  const seen = new Map<string, number>(); // learner/step -> when a dashboard first showed it passed
  const latencies: number[] = [];
  let peakRss = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const abort = new AbortController();
  try {
    const made = (
      await t.api<ClassCreated>("POST", "/api/classes", { title: "bench", labs: [LAB], capacity: n })
    ).body;
    const events = await fetch(`${t.url}/api/classes/${made.class.id}/events`, {
      headers: { authorization: `Bearer ${made.instructorKey}` },
      signal: abort.signal,
    });
    void (async () => {
      const reader = (events.body as ReadableStream<Uint8Array>).getReader();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buf += new TextDecoder().decode(value);
        let end: number;
        while ((end = buf.indexOf("\n\n")) >= 0) {
          const chunk = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const data = /^data: (.*)$/m.exec(chunk)?.[1];
          if (!data) continue;
          const d = JSON.parse(data) as DashboardView;
          const now = Date.now();
          for (const l of d.learners)
            for (const s of l.cells[0]?.steps ?? []) {
              const key = `${l.learnerId}/${s.id}`;
              if (s.passedAt && !seen.has(key)) {
                seen.set(key, now);
                latencies.push(now - Date.parse(s.passedAt));
              }
            }
        }
      }
    })();
    const scripts = solutions(loadConfig().repoRoot);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const join = await fetch(`${t.url}/api/classes/join`, {
          method: "POST",
          headers: OURS,
          body: JSON.stringify({ code: made.class.joinCode, displayName: `learner ${i + 1}` }),
        });
        const cookie = /slipway_learner=([^;]+)/.exec(join.headers.get("set-cookie") ?? "")?.[1] ?? "";
        const res = await fetch(`${t.url}/api/sessions`, {
          method: "POST",
          headers: { ...OURS, cookie: `slipway_learner=${cookie}` },
          body: JSON.stringify({ lab: LAB }),
        });
        const s = (await res.json()) as { id: string; token: string; state: string };
        if (s.state !== "ready") throw new Error(`learner ${i + 1}'s session is ${s.state}`);
        for (const script of scripts) await t.exec(s, script, 300_000);
      }),
    );
    const total = scripts.length * n;
    const deadline = Date.now() + 30_000;
    while (seen.size < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const cpu = process.cpuUsage(cpu0);
    const wallS = (performance.now() - wall0) / 1000;
    console.log(
      `all ${n} learners through ${scripts.length} steps in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(`steps seen passed on the dashboard: ${seen.size} of ${total}`);
    console.log(report("dashboard update latency (step passed → pushed)", latencies));
    console.log(`  max ${percentile(latencies, 100)} ms`);
    console.log(
      `server process: CPU ${(((cpu.user + cpu.system) / 1e6 / wallS) * 100).toFixed(0)}% of one core on average over ${wallS.toFixed(0)} s, peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MiB`,
    );
  } finally {
    clearInterval(sampler);
    abort.abort();
    await t.close();
  }
}
