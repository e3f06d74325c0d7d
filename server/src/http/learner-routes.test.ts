// The identity API through createApp on the in-memory driver: the learner, their sessions
// and standings, display names, carrying the identity to another browser, and a session's
// token for a tab that only has the cookie.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LabStanding, LearnerSessionView, LearnerView } from "../../../common/learner-views.ts";
import { type MemoryApp, cookieBrowser, startMemoryApp } from "../memory-app.test-helper.ts";

let m: MemoryApp;
beforeAll(async () => {
  m = await startMemoryApp();
});
afterAll(async () => m.close());

const browser = () => cookieBrowser(m);

describe("/api/me", () => {
  it("has no identity before the first start, and one after it", async () => {
    const b = browser();
    expect((await b.call("GET", "/api/me")).body).toBeNull();
    expect((await b.call("GET", "/api/me/sessions")).body).toEqual([]);
    await b.call("POST", "/api/sessions", { lab: "playground" });
    expect((await b.call<LearnerView>("GET", "/api/me")).body).toMatchObject({ id: expect.any(String) });
    expect((await b.call("PUT", "/api/me", { displayName: "  Ada   L. " })).body).toMatchObject({
      displayName: "Ada L.",
    });
    expect((await b.call("PUT", "/api/me", { displayName: "a\u0007b" })).status).toBe(400);
  });

  it("lists the learner's sessions with progress, and where they stand in each lab", async () => {
    const b = browser();
    const done = await b.call<{ id: string }>("POST", "/api/sessions", { lab: "live-steps" });
    const sessions = async () => (await b.call<LearnerSessionView[]>("GET", "/api/me/sessions")).body;
    await vi.waitFor(async () => expect((await sessions())[0]?.stepCount).toBe(2));
    await m.app.sessions.exec(done.body.id, [
      "sh",
      "-c",
      "docker run -d --name box busybox && echo hello > notes.txt",
    ]);
    await vi.waitFor(
      async () =>
        expect((await sessions())[0]).toMatchObject({ stepsPassed: 2, completedAt: expect.any(String) }),
      {
        timeout: 5000,
      },
    );
    await b.call("DELETE", `/api/sessions/${done.body.id}`);
    m.clock.advance(1000);
    const open = await b.call<{ id: string }>("POST", "/api/sessions", { lab: "timed-challenge" });
    await b.call("POST", `/api/sessions/${open.body.id}/pause`);

    const list = await sessions();
    expect(list.map((s) => [s.lab, s.state, s.labTitle])).toEqual([
      ["timed-challenge", "paused", "Timed challenge"],
      ["live-steps", "stopped", "Live steps"],
    ]);
    const labs = (await b.call<LabStanding[]>("GET", "/api/me/labs")).body;
    const of = (id: string) => labs.find((l) => l.lab === id);
    expect(of("playground")).toEqual({ lab: "playground", standing: "not-started" });
    expect(of("timed-challenge")).toMatchObject({
      standing: "in-progress",
      session: { id: open.body.id, state: "paused", stepsPassed: 0, stepCount: 1 },
    });
    expect(of("live-steps")).toMatchObject({
      standing: "completed",
      completedAt: expect.any(String),
      session: { id: done.body.id },
    });
    // Another learner sees none of it.
    expect((await browser().call("GET", "/api/me/labs")).body).toEqual([]);
  });

  it("carries the identity to another browser with a code that works once, for ten minutes", async () => {
    const laptop = browser();
    const s = await laptop.call<{ id: string }>("POST", "/api/sessions", { lab: "playground" });
    const me = (await laptop.call<LearnerView>("GET", "/api/me")).body;
    const link = await laptop.call<{ code: string; expiresAt: string }>("POST", "/api/me/link");
    expect(link.body.code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const phone = browser();
    const claimed = await phone.call<LearnerView>("POST", "/api/me/claim", {
      code: link.body.code.toUpperCase(),
    });
    expect(claimed).toMatchObject({ status: 200, body: { id: me.id } });
    expect((await phone.call<LearnerSessionView[]>("GET", "/api/me/sessions")).body.map((x) => x.id)).toEqual(
      [s.body.id],
    );
    expect((await browser().call("POST", "/api/me/claim", { code: link.body.code })).status).toBe(403);

    const late = (await laptop.call<{ code: string }>("POST", "/api/me/link")).body.code;
    m.clock.advance(10 * 60_000 + 1);
    expect((await browser().call("POST", "/api/me/claim", { code: late })).status).toBe(403);
    expect((await browser().call("POST", "/api/me/claim", { code: "not-a-code" })).status).toBe(403);
    // Each code seals the key with scrypt, made to be slow: seconds on a busy shared host.
  }, 20_000);

  it("hands the owner's tab the session's token, and nobody else", async () => {
    const owner = browser();
    const s = await owner.call<{ id: string; token: string }>("POST", "/api/sessions", { lab: "playground" });
    const got = await owner.call<{ token: string }>("POST", `/api/me/sessions/${s.body.id}/token`);
    expect(got.body.token).toBe(s.body.token);
    expect((await m.call("GET", `/api/sessions/${s.body.id}`, { token: got.body.token })).status).toBe(200);

    const stranger = browser();
    await stranger.call("POST", "/api/sessions", { lab: "playground" });
    expect((await stranger.call("POST", `/api/me/sessions/${s.body.id}/token`)).status).toBe(403);
    const api = await m.call<{ id: string }>("POST", "/api/sessions", { body: { lab: "playground" } });
    expect((await owner.call("POST", `/api/me/sessions/${api.body.id}/token`)).status).toBe(403);
    // From another site, the cookie does not count.
    const csrf = await m.call("POST", `/api/me/sessions/${s.body.id}/token`, {
      headers: {
        cookie: `slipway_learner=${owner.cookie}`,
        "x-slipway-client": "1",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(csrf.status).toBe(401);
  });
});
