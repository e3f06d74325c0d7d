// Assessments through createApp on the in-memory driver: the catalog, an attempt's tasks (the
// next one started ahead), skipping and coming back, finishing, the report, and the time limit.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { AssessmentReport, AttemptView } from "../../../common/assessment-views.ts";
import { type MemoryApp, startMemoryApp } from "../memory-app.test-helper.ts";

let m: MemoryApp;
beforeEach(async () => {
  m = await startMemoryApp();
});
afterEach(async () => m.close());

type Started = AttemptView & { token: string };
const start = async () =>
  (await m.call<Started>("POST", "/api/assessments/fixture-assessment/attempts")).body;
const task = (a: AttemptView, k: number) => a.tasks[k] as AttemptView["tasks"][number];
const sessionOf = (a: AttemptView, k: number) => task(a, k).session as { id: string; token: string };

describe("assessments", () => {
  it("are listed in the catalog", async () => {
    const r = await m.call<{ assessments: Array<{ id: string; tasks: number }> }>("GET", "/api/assessments");
    expect(r.body.assessments).toEqual([
      expect.objectContaining({ id: "fixture-assessment", tasks: 2, timeLimitMs: 20 * 60_000, passLine: 75 }),
    ]);
  });

  it("starts the first task, and the next one ahead, both ending with the attempt", async () => {
    const a = await start();
    expect(a.tasks.map((t) => t.lab)).toEqual(["timed-challenge", "note-challenge"]);
    await m.app.sessions.settle();
    const sessions = m.store.list();
    expect(sessions.map((s) => [s.lab, s.status, s.attempt?.task])).toEqual(
      expect.arrayContaining([
        ["timed-challenge", "ready", 0],
        ["note-challenge", "ready", 1],
      ]),
    );
    expect(sessions.every((s) => s.expiresAt === Date.parse(a.endsAt))).toBe(true);
    // Each task's session answers to the token the attempt's view hands out.
    const view = (await m.call<AttemptView>("GET", `/api/attempts/${a.id}`, { token: a.token })).body;
    const s1 = sessionOf(view, 1);
    expect((await m.call("GET", `/api/sessions/${s1.id}`, { token: s1.token })).status).toBe(200);
  });

  it("a task can be skipped and come back to; the report holds times, runs, hints and variants", async () => {
    const a = await start();
    const s0 = sessionOf(a, 0);
    m.clock.advance(30_000);
    await m.call("POST", `/api/attempts/${a.id}/open`, { token: a.token, body: { task: 1 } }); // skip
    m.clock.advance(60_000);
    let view = (
      await m.call<AttemptView>("POST", `/api/attempts/${a.id}/open`, { token: a.token, body: { task: 0 } })
    ).body;
    expect(view.current).toBe(0);
    await m.call("POST", `/api/sessions/${s0.id}/check`, { token: s0.token }); // a failing run
    m.clock.advance(15_000);
    await m.app.sessions.exec(s0.id, ["sh", "-c", "echo hello > notes.txt"]);
    await m.call("POST", `/api/sessions/${s0.id}/check`, { token: s0.token });
    view = (
      await m.call<AttemptView>("POST", `/api/attempts/${a.id}/open`, { token: a.token, body: { task: 1 } })
    ).body;
    expect(task(view, 0).passed).toBe(true);
    const s1 = sessionOf(view, 1);
    await m.call("POST", `/api/sessions/${s1.id}/hints`, { token: s1.token, body: { step: "write-word" } });
    m.clock.advance(5_000);
    const finished = await m.call<AttemptView>("POST", `/api/attempts/${a.id}/finish`, { token: a.token });
    expect(finished.body.endReason).toBe("finished by the candidate");

    const report = (await m.call<AssessmentReport>("GET", `/api/attempts/${a.id}/report`, { token: a.token }))
      .body;
    const [t0, t1] = report.tasks;
    expect(t0).toMatchObject({ passed: true, secondsToSolve: 45, secondsOpen: 45 });
    // Live re-checks count too, so the number varies; exactly one run passed, after failing ones.
    expect(t0?.failedRuns).toBeGreaterThanOrEqual(1);
    expect(t0?.checkRuns).toBe((t0?.failedRuns ?? 0) + 1);
    expect(t0?.steps[0]?.failing).toEqual([]);
    expect(t1).toMatchObject({ passed: false, hintsUsed: 1, penalty: 10, score: 0, secondsOpen: 65 });
    expect(t1?.variant?.seed).toBe(s1.id);
    expect(t1?.steps[0]?.failing[0]?.errors.join(" ")).toMatch(/word\.txt/);
    expect(report).toMatchObject({ score: 50, passLine: 75, passed: false, seed: a.id });
    await m.app.sessions.settle();
    expect(m.store.list().filter((s) => s.status !== "stopped")).toEqual([]);
  });

  it("records the task's terminal as asciicast v2 into the report", async () => {
    const a = await start();
    const s0 = sessionOf(a, 0);
    const ws = new WebSocket(`${m.url.replace("http", "ws")}/api/sessions/${s0.id}/terminals/main`);
    const seen: string[] = [];
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { t: string; data?: string };
      if (msg.t === "out" && msg.data) seen.push(msg.data);
    });
    await new Promise((r) => ws.once("open", r));
    ws.send(
      JSON.stringify({
        t: "hello",
        token: s0.token,
        term: "main",
        cols: 90,
        rows: 20,
        lastSeq: 0,
        mode: "control",
      }),
    );
    ws.send(JSON.stringify({ t: "in", data: "echo recorded\r" }));
    for (let i = 0; i < 50 && !seen.join("").includes("recorded"); i++)
      await new Promise((r) => setTimeout(r, 20));
    ws.close();
    await m.call("POST", `/api/attempts/${a.id}/finish`, { token: a.token });
    const report = (await m.call<AssessmentReport>("GET", `/api/attempts/${a.id}/report`, { token: a.token }))
      .body;
    const lines = (report.tasks[0]?.recording ?? "")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    expect(lines[0]).toMatchObject({ version: 2, width: 90, height: 20 });
    const events = lines.slice(1) as Array<[number, string, string]>;
    expect(events.every(([t, kind]) => typeof t === "number" && kind === "o")).toBe(true);
    expect(events.map((e) => e[2]).join("")).toContain("recorded");
    expect(report.tasks[1]?.recording).toBeUndefined(); // no terminal was opened there
  });

  it("ends at its time limit, report written, even if no timer fired", async () => {
    const a = await start();
    m.clock.advance(20 * 60_000);
    const view = (await m.call<AttemptView>("GET", `/api/attempts/${a.id}`, { token: a.token })).body;
    expect(view.endReason).toBe("time limit reached");
    const report = await m.call<AssessmentReport>("GET", `/api/attempts/${a.id}/report`, { token: a.token });
    expect(report.body.tasks.map((t) => t.passed)).toEqual([false, false]);
    const reopen = await m.call("POST", `/api/attempts/${a.id}/open`, { token: a.token, body: { task: 1 } });
    expect(reopen.status).toBe(409);
  });
});
