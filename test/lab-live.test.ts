// The lab API on the real engine: steps complete by themselves as the learner works (seen
// on the event stream), checks on demand, hints, solutions, the challenge rules and the
// score report. Labs come from test/fixtures/labs (invalid ones there are left out).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, LabEvent, ScoreReport, SessionLabView } from "../common/lab-events.ts";
import type { LabSummary } from "../common/lab-types.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

/** Collects a session's Server-Sent Events until closed. */
async function listen(url: string, token: string) {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers: { authorization: `Bearer ${token}` } });
  const events: LabEvent[] = [];
  let raw = "";
  const done = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        raw += decoder.decode(chunk, { stream: true });
        for (const m of raw.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(m[1] as string) as LabEvent);
        raw = raw.slice(raw.lastIndexOf("\n\n") + 2);
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (match: (e: LabEvent) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!events.some(match)) {
      if (Date.now() > deadline) throw new Error(`no such event; got ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return events.find(match) as LabEvent;
  };
  return { res, events, waitFor, done, close: () => abort.abort() };
}

describe("labs on the real engine", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SLIPWAY_LABS_DIR: "test/fixtures/labs" });
  });
  afterAll(async () => t?.close());

  it("lists the valid labs only", async () => {
    const { body } = await t.api<LabSummary[]>("GET", "/api/labs");
    expect(body.map((l) => l.id)).toEqual([
      "live-steps",
      "note-challenge",
      "playground",
      "timed-challenge",
      "variants",
      "wrong-solution",
    ]);
  });

  it("completes steps live as the learner works, and reports it on the event stream", async () => {
    const s = await t.startSession("live-steps");
    const api = `/api/sessions/${s.id}`;
    expect((await t.api("GET", `${api}/lab`)).status).toBe(401);
    expect((await listen(`${t.url}${api}/events`, "wrong")).res.status).toBe(403);
    const stream = await listen(`${t.url}${api}/events`, s.token);
    expect(stream.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const first = await stream.waitFor((e) => e.type === "snapshot");
    expect(first.type === "snapshot" && first.view.steps.map((st) => st.id)).toEqual([
      "run-box",
      "write-note",
    ]);

    await t.exec(s, "docker run -d --name box busybox sleep 600");
    await stream.waitFor((e) => e.type === "step" && e.stepId === "run-box" && e.status === "passed");
    await t.exec(s, "echo hello > notes.txt");
    await stream.waitFor((e) => e.type === "step" && e.stepId === "write-note" && e.status === "passed");
    await stream.waitFor((e) => e.type === "completed");

    await t.exec(s, "docker rm -f box");
    const check = await t.api<CheckReport>("POST", `${api}/check`, {}, s.token);
    expect(check.body.steps[0]).toMatchObject({ stepId: "run-box", status: "passed", pass: false });
    expect(check.body.steps[0]?.results[0]?.errors).toEqual([
      "container box: expected to exist, but there is no container with that name",
    ]);

    expect((await t.api("POST", `${api}/hints`, { step: "run-box" }, s.token)).body).toMatchObject({
      index: 0,
    });
    expect((await t.api("POST", `${api}/hints`, {}, s.token)).status).toBe(400);
    const solution = await t.api<{ script: string }>(
      "POST",
      `${api}/solution`,
      { step: "write-note" },
      s.token,
    );
    expect(solution.body.script).toContain("echo hello > notes.txt");
    const view = await t.api<SessionLabView>("GET", `${api}/lab`, undefined, s.token);
    expect(view.body.steps[0]).toMatchObject({ status: "passed", hints: [expect.any(String)], hintCount: 2 });
    expect(JSON.stringify(view.body)).not.toContain("solutions/");

    expect((await t.api("DELETE", api, undefined, s.token)).status).toBe(200);
    await stream.waitFor((e) => e.type === "session" && e.state === "stopped");
    await stream.done; // the stream ends with the session
    const report = await t.api<ScoreReport>("GET", `${api}/report`, undefined, s.token);
    expect(report.body).toMatchObject({ final: true, stepsPassed: 2, hintsRevealed: 1, solutionsViewed: 1 });
  });

  it("gives each session its own variant, and one session's answer does not solve another's", async () => {
    const view = async (s: { id: string; token: string }) =>
      (await t.api<SessionLabView>("GET", `/api/sessions/${s.id}/lab`, undefined, s.token)).body;
    const solution = async (s: { id: string; token: string }) =>
      (await t.api<{ script: string }>("POST", `/api/sessions/${s.id}/solution`, { step: "serve" }, s.token))
        .body.script;
    const check = async (s: { id: string; token: string }) =>
      (await t.api<CheckReport>("POST", `/api/sessions/${s.id}/check`, {}, s.token)).body.steps[0];
    const a = await t.startSession("variants");
    const b = await t.startSession("variants");
    // Names come from eight and ports from ten thousand: two sessions differ in their titles.
    const [titleA, titleB] = [(await view(a)).steps[0]?.title, (await view(b)).steps[0]?.title];
    expect(titleA).toMatch(/^Serve the page as [a-z]+ on port \d{5}$/);
    expect(titleB).not.toBe(titleA);
    const [scriptA, scriptB] = [await solution(a), await solution(b)];
    expect(scriptA).not.toContain("${{");
    // The page in B's workspace carries B's own text, which only B's check asks for.
    expect((await t.exec(b, "cat index.html")).stdout).not.toBe((await t.exec(a, "cat index.html")).stdout);

    // A's answer, typed into B's sandbox, runs but does not pass B's checks.
    expect((await t.exec(b, scriptA)).exitCode).toBe(0);
    expect(await check(b)).toMatchObject({ pass: false });
    await t.exec(b, "docker rm -f $(docker ps -aq)");
    expect((await t.exec(b, scriptB)).exitCode).toBe(0);
    const own = await check(b);
    expect(own, JSON.stringify(own?.results)).toMatchObject({ pass: true });
    expect((await t.exec(a, scriptA)).exitCode).toBe(0);
    expect(await check(a)).toMatchObject({ pass: true });

    // The report names the variant, and its seed is the session's id.
    const report = await t.api<ScoreReport>("GET", `/api/sessions/${b.id}/report`, undefined, b.token);
    expect(report.body.variant?.seed).toBe(b.id);
    expect(titleB).toContain(String(report.body.variant?.values.port));
  });

  it("runs a challenge on a clock, without hints or solutions", async () => {
    const s = await t.startSession("timed-challenge");
    const api = `/api/sessions/${s.id}`;
    const stream = await listen(`${t.url}${api}/events`, s.token);
    const snapshot = await stream.waitFor((e) => e.type === "snapshot");
    const timer = snapshot.type === "snapshot" ? snapshot.view.timer : undefined;
    expect(timer?.remainingMs).toBeGreaterThan(9 * 60_000);
    expect(timer?.remainingMs).toBeLessThanOrEqual(10 * 60_000);
    const hint = await t.api("POST", `${api}/hints`, { step: "write-note" }, s.token);
    expect(hint).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await t.api("POST", `${api}/solution`, { step: "write-note" }, s.token)).status).toBe(403);
    await t.exec(s, "echo hello > notes.txt");
    await stream.waitFor((e) => e.type === "completed");
    const report = await t.api<ScoreReport>("GET", `${api}/report`, undefined, s.token);
    expect(report.body).toMatchObject({
      mode: "challenge",
      final: true,
      stepsPassed: 1,
      timeLimitMs: 600_000,
    });
    expect(report.body.timeUsedMs).toBeGreaterThan(0);
    stream.close();
  });
});
