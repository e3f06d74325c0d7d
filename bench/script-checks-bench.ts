// Part of `npm run bench -- checks`: what running a lab's TypeScript checker in a process of
// its own costs, on the live sandbox of the checks bench. The shared `port-reachable` checker
// next to an exec check running the same `nc` command (the difference is the overhead), and
// an empty checker (process, bundle and protocol alone): spaced out as live re-checks usually
// are, so the spare process is ready; back to back, so it is still starting; and with no
// spare. The load average is printed with them: on a shared machine it moves every figure.
import { cpus, loadavg } from "node:os";
import { liveCheckContext } from "../server/src/checks/live-check-context.ts";
import { withLabDir, type CheckContext } from "../server/src/checks/check-context.ts";
import { execCheck } from "../server/src/checks/exec-check.ts";
import { createScriptCheck } from "../server/src/checks/script-check.ts";
import { ScriptRunner } from "../server/src/checks/script-runner/script-runner.ts";
import type { TestApp } from "../test/support/test-app.ts";
import { report } from "./stats.ts";

const RUNS = 20;
const SPACING_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sample(
  label: string,
  once: () => Promise<{ pass: boolean; errors: readonly string[] }>,
  gapMs: number,
) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (gapMs) await sleep(gapMs);
    const t0 = performance.now();
    const r = await once();
    samples.push(performance.now() - t0);
    if (!r.pass) throw new Error(`${label}: ${r.errors.join("; ")}`);
  }
  console.log(report(label, samples), "target p50 < 150 ms");
}

export async function scriptChecksBench(t: TestApp, s: { id: string }, labDir: string): Promise<void> {
  const abort = new AbortController();
  const live = liveCheckContext({
    driver: t.driver,
    ref: t.app.sessions.ready(s.id),
    history: () => t.app.activity.list(s.id),
    signal: abort.signal,
  });
  const ctx: CheckContext = withLabDir(live, labDir);
  const warm = new ScriptRunner();
  const cold = new ScriptRunner({ spare: false });
  const script = createScriptCheck(() => warm);
  const coldScript = createScriptCheck(() => cold);
  const reachable = script.parse(
    { type: "script", checker: "port-reachable", args: { port: 8080 } },
    "bench",
  );
  const empty = script.parse({ type: "script", script: "checks/returns-true.ts" }, "bench");
  const nc = execCheck.parse(
    { type: "exec", command: ["nc", "-z", "-w", "3", "localhost", "8080"] },
    "bench",
  );
  try {
    console.log(
      `  load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} cores`,
    );
    await script.run(reachable, ctx); // bundles it once, as the first evaluation would
    await sample("exec check: nc -z localhost 8080", () => execCheck.run(nc, ctx), SPACING_MS);
    await sample("script checker port-reachable (same nc)", () => script.run(reachable, ctx), SPACING_MS);
    await sample("script checker, empty", () => script.run(empty, ctx), SPACING_MS);
    await sample("script checker, empty, back to back", () => script.run(empty, ctx), 0);
    await sample("script checker, empty, no spare process", () => coldScript.run(empty, ctx), SPACING_MS);
  } finally {
    abort.abort();
    warm.close();
    cold.close();
  }
}
