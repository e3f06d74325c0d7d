// The lab routes and the event stream through createApp on the in-memory driver: the catalog,
// a session's steps, hints, checks on demand, the report, and the stream's snapshot and
// session events (a pause included).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, LabEvent, ScoreReport, SessionLabView } from "../../../common/lab-events.ts";
import { type MemoryApp, startMemoryApp } from "../memory-app.test-helper.ts";

let m: MemoryApp;
let s: { id: string; token: string };
beforeAll(async () => {
  m = await startMemoryApp();
  s = (await m.call<{ id: string; token: string }>("POST", "/api/sessions", { body: { lab: "live-steps" } }))
    .body;
});
afterAll(async () => m.close());

/** Reads Server-Sent Events until `until` says enough. */
async function events(
  path: string,
  token: string,
  until: (seen: LabEvent[]) => boolean,
): Promise<LabEvent[]> {
  const res = await fetch(`${m.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const seen: LabEvent[] = [];
  let text = "";
  while (!until(seen)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
    for (const block of text.split("\n\n").slice(0, -1)) {
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data) seen.push(JSON.parse(data) as LabEvent);
    }
    text = text.slice(text.lastIndexOf("\n\n") + 2);
  }
  await reader.cancel();
  return seen;
}

describe("lab routes", () => {
  it("lists the labs without a token", async () => {
    const labs = await m.call<Array<{ id: string }>>("GET", "/api/labs");
    expect(labs.body.map((l) => l.id)).toEqual(
      expect.arrayContaining(["live-steps", "timed-challenge", "playground"]),
    );
  });

  it("shows the steps, reveals a hint, checks on demand, and reports", async () => {
    const view = await m.call<SessionLabView>("GET", `/api/sessions/${s.id}/lab`, { token: s.token });
    expect(view.body.steps.map((st) => st.id)).toEqual(["run-box", "write-note"]);
    const hint = await m.call("POST", `/api/sessions/${s.id}/hints`, {
      token: s.token,
      body: { step: "run-box" },
    });
    expect(hint.body).toMatchObject({ index: 0, remaining: 1 });
    expect((await m.call("POST", `/api/sessions/${s.id}/hints`, { token: s.token, body: {} })).status).toBe(
      400,
    );
    await m.app.sessions.exec(s.id, ["sh", "-c", "echo hello > notes.txt"]);
    const check = await m.call<CheckReport>("POST", `/api/sessions/${s.id}/check`, { token: s.token });
    expect(check.body.steps.map((st) => [st.stepId, st.pass])).toEqual([
      ["run-box", false],
      ["write-note", true],
    ]);
    const report = await m.call<ScoreReport>("GET", `/api/sessions/${s.id}/report`, { token: s.token });
    expect(report.body).toMatchObject({ stepsPassed: 1, stepsTotal: 2, hintsRevealed: 1, final: false });
    expect((await m.call("GET", `/api/sessions/${s.id}/lab`, { token: "wrong" })).status).toBe(403);
  });

  it("streams a snapshot first, then the session's moves, a pause included", async () => {
    const url = `/api/sessions/${s.id}/events`;
    const stream = events(url, s.token, (seen) =>
      seen.some((e) => e.type === "session" && e.state === "paused"),
    );
    await new Promise((r) => setTimeout(r, 200));
    await m.call("POST", `/api/sessions/${s.id}/pause`, { token: s.token });
    const seen = await stream;
    expect(seen[0]).toMatchObject({ type: "snapshot", view: { state: "ready" } });
    expect(seen.filter((e) => e.type === "session")).toEqual([
      { type: "session", state: "pausing", reason: "paused on request" },
      { type: "session", state: "paused", reason: "paused on request" },
    ]);
  });

  it("keeps a challenge's debriefs (its answers) out of the report until the work is in", async () => {
    const c = (
      await m.call<{ id: string; token: string }>("POST", "/api/sessions", {
        body: { lab: "timed-challenge" },
      })
    ).body;
    const report = async () =>
      (await m.call<ScoreReport>("GET", `/api/sessions/${c.id}/report`, { token: c.token })).body;
    const early = await report();
    expect(early.final).toBe(false);
    expect(early.steps.map((x) => x.debriefMarkdown)).toEqual([undefined]);
    // Submitted: every task gets its debrief (a challenge whose every task passed is in, too).
    await m.call("DELETE", `/api/sessions/${c.id}`, { token: c.token });
    const done = await report();
    expect(done.final).toBe(true);
    expect(done.steps[0]?.debriefMarkdown).toContain("The cause.");
  });
});
