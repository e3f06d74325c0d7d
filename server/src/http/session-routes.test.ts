// The session routes through createApp on the in-memory driver: tokens, the identity cookie
// and its cross-site rules, pause and resume, and the errors a client sees.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionView } from "../../../common/session-view.ts";
import { type MemoryApp, startMemoryApp } from "../memory-app.test-helper.ts";

let m: MemoryApp;
beforeAll(async () => {
  m = await startMemoryApp();
});
afterAll(async () => m.close());

const OURS = { "x-slipway-client": "1", "sec-fetch-site": "same-origin" };
const cookieOf = (headers: Headers) => /slipway_learner=([^;]+)/.exec(headers.get("set-cookie") ?? "")?.[1];

async function startInBrowser(headers: Record<string, string> = OURS) {
  const r = await m.call<{ id: string; token: string; state: string }>("POST", "/api/sessions", {
    body: { lab: "playground" },
    headers,
  });
  expect(r.status).toBe(201);
  return { ...r.body, cookie: cookieOf(r.headers), setCookie: r.headers.get("set-cookie") ?? "" };
}

describe("session routes", () => {
  it("starts a session for an API caller with a token and no identity", async () => {
    const r = await m.call<{ id: string; token: string; state: string }>("POST", "/api/sessions", {
      body: { lab: "playground" },
    });
    expect(r).toMatchObject({ status: 201, body: { state: "ready", token: expect.any(String) } });
    expect(r.headers.get("set-cookie")).toBeNull();
    expect((await m.call("GET", `/api/sessions/${r.body.id}`, { token: r.body.token })).status).toBe(200);
    expect((await m.call("GET", `/api/sessions/${r.body.id}`)).status).toBe(401);
    const wrong = await m.call("GET", `/api/sessions/${r.body.id}`, { token: "nope" });
    const unknown = await m.call("GET", "/api/sessions/nosuchsession", { token: "nope" });
    expect(wrong.status).toBe(403);
    expect(unknown.body).toEqual(wrong.body);
  });

  it("gives the browser client an identity in a long-lived, httpOnly, SameSite=Lax cookie", async () => {
    const s = await startInBrowser();
    expect(s.setCookie).toMatch(
      /slipway_learner=[\w-]{40,}; Max-Age=34560000; Path=\/; Expires=.*; HttpOnly; SameSite=Lax/,
    );
    expect(s.setCookie).not.toMatch(/Secure/);
    const https = await startInBrowser({ ...OURS, "x-forwarded-proto": "https" });
    expect(https.setCookie).toMatch(/; Secure/);
  });

  it("lets the owner's cookie act on the session, with the client header for changes", async () => {
    const s = await startInBrowser();
    const cookie = { cookie: `slipway_learner=${s.cookie}`, "sec-fetch-site": "same-origin" };
    expect((await m.call("GET", `/api/sessions/${s.id}`, { headers: cookie })).status).toBe(200);
    // No client header: the cookie does not count for a change, whoever sends it.
    expect((await m.call("POST", `/api/sessions/${s.id}/pause`, { headers: cookie })).status).toBe(401);
    const paused = await m.call("POST", `/api/sessions/${s.id}/pause`, { headers: { ...cookie, ...OURS } });
    expect(paused).toMatchObject({ status: 200, body: { state: "paused", reason: "paused on request" } });
    expect(paused.body).toHaveProperty("keptUntil");
    const resumed = await m.call("POST", `/api/sessions/${s.id}/resume`, { headers: { ...cookie, ...OURS } });
    expect(resumed).toMatchObject({ status: 200, body: { state: "ready" } });
  });

  it("keeps pause and resume to control: a viewer link cannot pause, even in its owner's browser", async () => {
    const s = await startInBrowser();
    const mint = await m.call<{ token: string }>("POST", `/api/sessions/${s.id}/tokens`, {
      token: s.token,
      body: { scope: "view" },
    });
    expect(mint.status).toBe(201);
    const owner = { cookie: `slipway_learner=${s.cookie}`, ...OURS };
    for (const headers of [{}, owner]) {
      const r = await m.call<{ error: { message: string } }>("POST", `/api/sessions/${s.id}/pause`, {
        token: mint.body.token,
        headers,
      });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe("this token can only view; this call needs the control token");
    }
    expect((await m.call("GET", `/api/sessions/${s.id}`, { token: mint.body.token })).body).toMatchObject({
      state: "ready",
    });
  });

  it("refuses the cookie on requests another site makes (CSRF)", async () => {
    const s = await startInBrowser();
    const stolen = { cookie: `slipway_learner=${s.cookie}`, "x-slipway-client": "1" };
    for (const site of ["cross-site", "same-site"]) {
      const r = await m.call("DELETE", `/api/sessions/${s.id}`, {
        headers: { ...stolen, "sec-fetch-site": site },
      });
      expect(r.status).toBe(401);
    }
    const byOrigin = await m.call("POST", `/api/sessions/${s.id}/pause`, {
      headers: { ...stolen, origin: "http://evil.example" },
    });
    expect(byOrigin.status).toBe(401);
    expect((await m.call("GET", `/api/sessions/${s.id}`, { token: s.token })).body).toMatchObject({
      state: "ready",
    });
  });

  it("keeps one learner's cookie away from another learner's session", async () => {
    const mine = await startInBrowser();
    const theirs = await startInBrowser();
    const r = await m.call("GET", `/api/sessions/${theirs.id}`, {
      headers: { cookie: `slipway_learner=${mine.cookie}`, "sec-fetch-site": "same-origin" },
    });
    expect(r.status).toBe(403);
  });

  it("answers 409 for what a paused session cannot do, and says why", async () => {
    const s = await startInBrowser();
    await m.call("POST", `/api/sessions/${s.id}/pause`, { token: s.token });
    const exec = await m.call("POST", `/api/sessions/${s.id}/exec`, {
      token: s.token,
      body: { cmd: ["true"] },
    });
    expect(exec).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringMatching(/is paused, not ready/) } },
    });
    const again = await m.call("POST", `/api/sessions/${s.id}/pause`, { token: s.token });
    expect(again).toMatchObject({ status: 200, body: { state: "paused" } });
    await m.call("DELETE", `/api/sessions/${s.id}`, { token: s.token });
    const late = await m.call("POST", `/api/sessions/${s.id}/resume`, { token: s.token });
    expect(late).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
  });

  it("rejects bad input with a clear JSON error", async () => {
    expect(await m.call("POST", "/api/sessions", { body: { lab: "no-such-lab" } })).toMatchObject({
      status: 404,
      body: { error: { code: "not-found" } },
    });
    expect(await m.call("POST", "/api/sessions", { body: {} })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining("lab") } },
    });
  });

  it("answers at once when asked not to wait, and shows the start's steps until it is ready", async () => {
    const releaseEngine = m.driver.hold("waitReady");
    const r = await m.call<{ id: string; token: string; state: string }>("POST", "/api/sessions", {
      body: { lab: "variants", wait: false },
    });
    expect(r).toMatchObject({ status: 201, body: { state: "starting" } });
    const view = async () =>
      (await m.call<SessionView>("GET", `/api/sessions/${r.body.id}`, { token: r.body.token })).body;
    await vi.waitFor(async () =>
      expect((await view()).starting).toEqual({
        steps: ["sandbox", "engine", "files", "images"],
        current: "engine",
        pooled: false,
        images: ["busybox"],
      }),
    );
    const releasePull = m.driver.hold("exec");
    releaseEngine();
    await vi.waitFor(async () => expect((await view()).starting?.current).toBe("images"));
    releasePull();
    await vi.waitFor(async () => expect((await view()).state).toBe("ready"));
    expect((await view()).starting).toBeUndefined();
  });

  it("says how many containers a resume is still bringing back, until they are back", async () => {
    const { id, token } = (
      await m.call<{ id: string; token: string }>("POST", "/api/sessions", { body: { lab: "playground" } })
    ).body;
    const view = async () => (await m.call<SessionView>("GET", `/api/sessions/${id}`, { token })).body;
    expect((await m.call("POST", `/api/sessions/${id}/pause`, { token })).status).toBe(200);
    m.driver.restartingCounts.set(id, 2);
    expect((await m.call("POST", `/api/sessions/${id}/resume`, { token })).body).toMatchObject({
      state: "ready",
    });
    expect((await view()).restarting).toBe(2); // the first view after the resume has it
    m.driver.restartingCounts.set(id, 0);
    await vi.waitFor(async () => expect((await view()).restarting).toBeUndefined(), { timeout: 5000 });
  });
});
