// npm run bench -- checks: the time to evaluate every check of a five-step lab against a
// live sandbox through POST /check (bench/labs/five-steps: inspects, execs on both sides, an
// HTTP request, files, history), and the latency from a container started in the learner's shell to its step
// showing complete on the session's event stream. Targets (p50 ≤ 150 ms, ≤ 1 s) are printed
// next to the figures, not asserted. Also what a TypeScript checker costs (script-checks-bench.ts).
import { resolve } from "node:path";
import type { CheckReport, LabEvent } from "../common/lab-events.ts";
import { startTestApp, type TestApp } from "../test/support/test-app.ts";
import { scriptChecksBench } from "./script-checks-bench.ts";
import { report } from "./stats.ts";

const LABS = resolve(import.meta.dirname, "labs");
const EVALUATIONS = 30;
const STARTS = 10;

const STATE = `set -e
docker network create appnet >/dev/null
docker run -d --name web --network appnet -p 8080:80 nginx >/dev/null
docker volume create data >/dev/null
docker run --rm -v data:/d busybox sh -c 'echo ok > /d/state'
printf 'FROM busybox\\nEXPOSE 80\\n' | docker build -q -t slipway/bench - >/dev/null
echo hello > notes.txt
docker ps >/dev/null
for i in $(seq 50); do curl -sf localhost:8080 >/dev/null && exit 0; sleep 0.2; done; exit 1`;

/** POST /check: every check of every step, through the session's own live evaluator. */
async function fullEvaluation(t: TestApp, s: { id: string; token: string }): Promise<void> {
  const samples: number[] = [];
  let last: CheckReport | undefined;
  for (let i = 0; i < EVALUATIONS; i++) {
    const t0 = performance.now();
    const r = await t.api<CheckReport>("POST", `/api/sessions/${s.id}/check`, {}, s.token);
    samples.push(performance.now() - t0);
    last = r.body;
  }
  const checks = last?.steps.reduce((n, st) => n + st.results.length, 0);
  console.log(
    report(`full evaluation (${last?.steps.length} steps, ${checks} checks)`, samples),
    "target p50 ≤ 150 ms",
  );
  const slowest = (last?.steps ?? [])
    .flatMap((st) => st.results.map((r) => `${r.type} ${r.durationMs} ms`))
    .sort((a, b) => Number(b.split(" ")[1]) - Number(a.split(" ")[1]));
  console.log(`  per check, last run: ${slowest.join(", ")}`);
  const failing = last?.steps.flatMap((st) =>
    st.results.filter((r) => !r.pass).map((r) => `${st.stepId}: ${r.errors.join(", ")}`),
  );
  if (failing?.length)
    console.log(`  failing in the last run (step box is expected to): ${failing.join("; ")}`);
}

/** Collects the session's SSE events with their arrival time. */
async function listen(t: TestApp, s: { id: string; token: string }, signal: AbortSignal) {
  const events: Array<{ at: number; e: LabEvent }> = [];
  const res = await fetch(`${t.url}/api/sessions/${s.id}/events`, {
    signal,
    headers: { authorization: `Bearer ${s.token}` },
  });
  void (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
      for (const m of decoder.decode(chunk).matchAll(/^data: (.*)$/gm))
        events.push({ at: Date.now(), e: JSON.parse(m[1] as string) as LabEvent });
  })().catch(() => undefined);
  return async (stepId: string, status: string, after: number): Promise<number> => {
    for (let waited = 0; waited < 20_000; waited += 5) {
      const hit = events.find(
        (x) => x.at >= after && x.e.type === "step" && x.e.stepId === stepId && x.e.status === status,
      );
      if (hit) return hit.at;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`step ${stepId} never became ${status}`);
  };
}

/** From the moment a state becomes true in the sandbox to its step complete on the SSE stream:
 *  a container started in the learner's shell (from its StartedAt; `docker start` connects
 *  the network first and the engine holds inspects until the start is done, so a check the
 *  connect event triggered often sees it running at once), and a file written in the
 *  workspace (from the shell's clock right after the write: inotify, debounce, evaluation). */
async function liveCompletion(t: TestApp, s: { id: string; token: string }): Promise<void> {
  const abort = new AbortController();
  const shown = await listen(t, s, abort.signal);
  const started: number[] = [];
  const written: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    let before = Date.now();
    await t.exec(
      s,
      "docker create --name box busybox sleep 600 >/dev/null && sleep 0.5 && docker start box >/dev/null",
    );
    const boxShown = await shown("box", "passed", before);
    const at = await t.exec(s, "docker inspect --format '{{.State.StartedAt}}' box");
    started.push(boxShown - Date.parse(at.stdout.trim()));
    before = Date.now();
    await t.exec(s, "docker rm -f box >/dev/null && rm notes.txt");
    await Promise.all([shown("box", "failed", before), shown("image-and-notes", "failed", before)]);
    before = Date.now();
    const wrote = await t.exec(s, "echo hello > notes.txt && date +%s%3N");
    written.push((await shown("image-and-notes", "passed", before)) - Number(wrote.stdout.trim()));
  }
  abort.abort();
  console.log(report("container started → step complete on SSE", started), "target ≤ 1000 ms");
  console.log(report("file written → step complete on SSE", written), "target ≤ 1000 ms");
  const worst = (xs: number[]) => Math.round(Math.max(...xs));
  console.log(`  worst: container ${worst(started)} ms, file ${worst(written)} ms`);
}

export async function checksBench(): Promise<void> {
  const t = await startTestApp({ SLIPWAY_LABS_DIR: LABS });
  try {
    const s = await t.startSession("five-steps");
    const setup = await t.exec(s, STATE, 120_000);
    if (setup.exitCode !== 0) throw new Error(`bench state failed: ${setup.stderr}`);
    await fullEvaluation(t, s);
    await scriptChecksBench(t, s, resolve(LABS, "five-steps"));
    await liveCompletion(t, s);
  } finally {
    await t.close();
  }
}
