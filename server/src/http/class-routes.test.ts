// The classes API through createApp on the in-memory driver. Attacks first: every instructor
// route needs the class's own key, a learner's credentials never read a dashboard, a view
// token minted for the instructor never controls the session, and a refused join changes
// nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ClassCreated, DashboardView, LearnerClassView } from "../../../common/class-views.ts";
import { type MemoryApp, cookieBrowser, startMemoryApp } from "../memory-app.test-helper.ts";

let m: MemoryApp;
beforeAll(async () => {
  m = await startMemoryApp();
});
afterAll(async () => m.close());

const browser = () => cookieBrowser(m);

async function newClass(o: Record<string, unknown> = {}): Promise<ClassCreated> {
  const r = await m.call<ClassCreated>("POST", "/api/classes", {
    body: { title: "Docker 101", labs: ["live-steps"], ...o },
  });
  expect(r.status).toBe(201);
  return r.body;
}

const instructorRoutes = (id: string, sessionId = "x") =>
  [
    ["GET", `/api/classes/${id}`],
    ["GET", `/api/classes/${id}/dashboard`],
    ["GET", `/api/classes/${id}/events`],
    ["POST", `/api/classes/${id}/close`],
    ["POST", `/api/classes/${id}/end`],
    ["PUT", `/api/classes/${id}/announcement`],
    ["POST", `/api/classes/${id}/sessions/${sessionId}/view-token`],
    ["GET", `/api/classes/${id}/export?format=csv`],
  ] as const;

describe("attacks on the classes API", () => {
  it("needs the class's own instructor key on every instructor route", async () => {
    const a = await newClass();
    const b = await newClass();
    const learner = browser();
    await learner.call("POST", "/api/classes/join", { code: a.class.joinCode, displayName: "Mallory" });
    const s = await learner.call<{ id: string; token: string }>("POST", "/api/sessions", {
      lab: "live-steps",
    });
    for (const [method, path] of instructorRoutes(a.class.id, s.body.id)) {
      const body = method === "GET" ? undefined : { text: "hi", then: "stop", url: "http://127.0.0.1:9/" };
      expect((await m.call(method, path, { body })).status, `${method} ${path} without a key`).toBe(401);
      for (const token of [
        b.instructorKey,
        s.body.token,
        `${a.instructorKey}x`,
        "",
        a.instructorKey.slice(1),
      ])
        expect(
          (await m.call(method, path, { body, headers: { authorization: `Bearer ${token}` } })).status,
          `${method} ${path}`,
        ).toBe(403);
      // The learner's cookie is no instructor key either.
      expect([401, 403]).toContain((await learner.call(method, path, body)).status);
    }
    // Nothing was changed by any of it.
    expect(
      (await m.call("GET", `/api/classes/${a.class.id}`, { token: a.instructorKey })).body,
    ).toMatchObject({
      open: true,
      members: 1,
    });
    expect(m.app.sessions.get(s.body.id).status).toBe("ready");
    await m.app.sessions.stop(s.body.id);
  }, 30_000);

  it("an unknown class and a wrong key are refused alike", async () => {
    const a = await newClass();
    const unknown = await m.call("GET", "/api/classes/nosuchclass/dashboard", { token: a.instructorKey });
    const wrong = await m.call("GET", `/api/classes/${a.class.id}/dashboard`, { token: "forged" });
    expect(unknown.status).toBe(403);
    expect(wrong.body).toEqual(unknown.body);
  });

  it("gives the instructor a view token that never controls the session", async () => {
    const c = await newClass();
    const learner = browser();
    await learner.call("POST", "/api/classes/join", { code: c.class.joinCode, displayName: "Ada" });
    const s = await learner.call<{ id: string }>("POST", "/api/sessions", { lab: "live-steps" });
    const minted = await m.call<{ token: string; scope: string }>(
      "POST",
      `/api/classes/${c.class.id}/sessions/${s.body.id}/view-token`,
      { token: c.instructorKey },
    );
    expect(minted).toMatchObject({ status: 201, body: { scope: "view" } });
    const view = minted.body.token;
    expect((await m.call("GET", `/api/sessions/${s.body.id}/lab`, { token: view })).status).toBe(200);
    for (const [method, path] of [
      ["POST", "/pause"],
      ["DELETE", ""],
      ["POST", "/exec"],
      ["POST", "/hints"],
      ["POST", "/tokens"],
      ["POST", "/check"],
    ] as const)
      expect(
        (await m.call(method, `/api/sessions/${s.body.id}${path}`, { token: view, body: {} })).status,
      ).toBe(403);
    expect((await m.call("POST", "/api/me/sessions/" + s.body.id + "/token", { token: view })).status).toBe(
      401,
    );
    // Another class's instructor gets no token for it, and one session keeps one such token.
    const other = await newClass();
    const theirs = await m.call("POST", `/api/classes/${other.class.id}/sessions/${s.body.id}/view-token`, {
      token: other.instructorKey,
    });
    expect(theirs.status).toBe(404);
    await m.call("POST", `/api/classes/${c.class.id}/sessions/${s.body.id}/view-token`, {
      token: c.instructorKey,
    });
    expect(m.app.access.list(s.body.id)).toHaveLength(1);
    expect((await m.call("GET", `/api/sessions/${s.body.id}/lab`, { token: view })).status).toBe(403);
    await m.app.sessions.stop(s.body.id);
  });

  it("refuses a join to a closed, full or unknown class, or under a taken name, and changes nothing", async () => {
    const c = await newClass({ capacity: 2 });
    const first = browser();
    expect(
      (
        await first.call("POST", "/api/classes/join", {
          code: c.class.joinCode.toLowerCase(),
          displayName: "Ada",
        })
      ).status,
    ).toBe(200);
    const refused = async (code: string, displayName: string, status: number) => {
      const b = browser();
      const r = await b.call("POST", "/api/classes/join", { code, displayName });
      expect(r.status, `${code} ${displayName}`).toBe(status);
      expect(b.cookie, "no identity is made for a refused join").toBeUndefined();
    };
    await refused(c.class.joinCode, " ada ", 409);
    await refused("ZZZZ-ZZZZ", "Bob", 404);
    await refused("not a code at all", "Bob", 404);
    await refused(c.class.joinCode, "", 400);
    expect(
      (await browser().call("POST", "/api/classes/join", { code: c.class.joinCode, displayName: "Bob" }))
        .status,
    ).toBe(200);
    await refused(c.class.joinCode, "Cy", 503);
    const d = await newClass();
    await m.call("POST", `/api/classes/${d.class.id}/close`, { token: d.instructorKey });
    await refused(d.class.joinCode, "Cy", 409);
    expect(m.app.classes.members(c.class.id).map((x) => x.displayName)).toEqual(["Ada", "Bob"]);
    expect(m.app.classes.members(d.class.id)).toEqual([]);
    // Joining again is no error: the learner is where they were.
    expect(
      (await first.call("POST", "/api/classes/join", { code: c.class.joinCode, displayName: "Other" }))
        .status,
    ).toBe(200);
  });

  it("refuses a class with unknown labs, a missing track or both, and stores nothing", async () => {
    const before = (await m.call("GET", "/api/labs")).status;
    expect(before).toBe(200);
    for (const body of [
      { title: "x", labs: ["no-such-lab"] },
      { title: "x", track: "no-such-track" },
      { title: "x", labs: ["live-steps"], track: "t" },
      { title: "", labs: ["live-steps"] },
      { title: "x", labs: ["live-steps"], capacity: 0 },
      { title: "x", labs: ["live-steps"], instructorKeyHash: "0".repeat(64) },
    ]) {
      const r = await m.call<{ error: { message: string } }>("POST", "/api/classes", { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message).not.toBe("");
    }
  });
});

describe("a class", () => {
  it("stamps its learners' sessions, follows their steps live and exports the results", async () => {
    const c = await newClass({ stuckAfterMinutes: 5 });
    const ada = browser();
    await ada.call("POST", "/api/classes/join", { code: c.class.joinCode, displayName: "=Ada" });
    const events = await fetch(`${m.url}/api/classes/${c.class.id}/events`, {
      headers: { authorization: `Bearer ${c.instructorKey}` },
    });
    const reader = events.body!.getReader();
    const seen: DashboardView[] = [];
    let buf = "";
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += new TextDecoder().decode(value);
        for (const m of buf.matchAll(/^data: (.*)$/gm))
          seen.push(JSON.parse(m[1] as string) as DashboardView);
        buf = buf.slice(buf.lastIndexOf("\n\n") + 2);
      }
    })();
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    const s = await ada.call<{ id: string }>("POST", "/api/sessions", { lab: "live-steps" });
    expect(m.app.sessions.get(s.body.id).classId).toBe(c.class.id);
    const outside = await ada.call<{ id: string }>("POST", "/api/sessions", { lab: "playground" });
    expect(m.app.sessions.get(outside.body.id).classId).toBeUndefined();

    await m.app.sessions.exec(s.body.id, ["sh", "-c", "docker run -d --name box busybox"]);
    const at = Date.now();
    await vi.waitFor(
      () => {
        const last = seen.at(-1);
        expect(last?.learners[0]?.cells[0]?.steps[0]?.status).toBe("passed");
      },
      { timeout: 1000, interval: 20 },
    );
    expect(Date.now() - at).toBeLessThan(1000);
    const dash = seen.at(-1) as DashboardView;
    expect(dash.learners[0]).toMatchObject({ displayName: "=Ada", cells: [{ currentStep: "write-note" }] });
    expect(dash.funnel.map((f) => [f.step, f.reached, f.passed])).toEqual([
      ["run-box", 1, 1],
      ["write-note", 1, 0],
    ]);

    const mine = await ada.call<LearnerClassView>("GET", "/api/me/class");
    expect(mine.body).toMatchObject({
      title: "Docker 101",
      labs: [{ lab: "live-steps", stepsPassed: 1, sessionId: s.body.id }],
    });
    await m.call("PUT", `/api/classes/${c.class.id}/announcement`, {
      token: c.instructorKey,
      body: { text: "Break at 11" },
    });
    expect((await ada.call<LearnerClassView>("GET", "/api/me/class")).body.announcement?.text).toBe(
      "Break at 11",
    );

    const csv = await fetch(`${m.url}/api/classes/${c.class.id}/export?format=csv`, {
      headers: { authorization: `Bearer ${c.instructorKey}` },
    });
    const text = await csv.text();
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(text.split("\r\n")[0]).toBe(
      "learner,lab,step,status,passedAt,hintsRevealed,solutionViewed,failedRuns,labCompleted",
    );
    expect(text).toContain(`"'=Ada","live-steps","run-box","passed"`);

    const ended = await m.call<{ paused: string[] }>("POST", `/api/classes/${c.class.id}/end`, {
      token: c.instructorKey,
      body: { then: "pause" },
    });
    expect(ended.body.paused).toEqual([s.body.id]);
    expect(m.app.sessions.get(s.body.id).status).toBe("paused");
    expect(m.app.sessions.get(outside.body.id).status).toBe("ready");
    // Ending again with "stop" stops what the first end paused.
    const stopped = await m.call<{ stopped: string[] }>("POST", `/api/classes/${c.class.id}/end`, {
      token: c.instructorKey,
      body: { then: "stop" },
    });
    expect(stopped.body.stopped).toEqual([s.body.id]);
    expect(m.app.sessions.get(s.body.id).status).toBe("stopped");
    await reader.cancel();
    await m.app.sessions.stop(outside.body.id);
    await m.app.sessions.stop(s.body.id);
  });

  it("ends at its end time as its instructor would: no more joins, its sessions paused", async () => {
    const endsAt = new Date(m.clock.now() + 3_600_000).toISOString();
    const c = await newClass({ endsAt });
    const b = browser();
    await b.call("POST", "/api/classes/join", { code: c.class.joinCode, displayName: "Ada" });
    const s = await b.call<{ id: string }>("POST", "/api/sessions", { lab: "live-steps" });
    expect(await m.app.classes.endDue()).toBe(0);
    m.clock.advance(3_600_000);
    expect(await m.app.classes.endDue()).toBe(1);
    expect(m.app.classes.get(c.class.id)?.endedAt).toBe(m.clock.now());
    expect(m.app.sessions.get(s.body.id).status).toBe("paused");
    expect(await m.app.classes.endDue()).toBe(0); // once
    const late = await browser().call("POST", "/api/classes/join", {
      code: c.class.joinCode,
      displayName: "Bo",
    });
    expect(late.status).toBe(409);
    await m.app.sessions.stop(s.body.id);
  });

  it("refuses hints and solutions when the class does not allow them", async () => {
    const c = await newClass({ hintsAllowed: false, solutionsAllowed: false });
    const b = browser();
    await b.call("POST", "/api/classes/join", { code: c.class.joinCode, displayName: "Ada" });
    const s = await b.call<{ id: string }>("POST", "/api/sessions", { lab: "live-steps" });
    expect((await b.call("POST", `/api/sessions/${s.body.id}/hints`, { step: "run-box" })).status).toBe(403);
    expect((await b.call("POST", `/api/sessions/${s.body.id}/solution`, { step: "run-box" })).status).toBe(
      403,
    );
    const open = await newClass();
    await b.call("POST", "/api/classes/join", { code: open.class.joinCode, displayName: "Ada" });
    const t = await b.call<{ id: string }>("POST", "/api/sessions", { lab: "live-steps" });
    expect((await b.call("POST", `/api/sessions/${t.body.id}/hints`, { step: "run-box" })).status).toBe(200);
    await m.app.sessions.stop(s.body.id);
    await m.app.sessions.stop(t.body.id);
  });
});
