// Scoped session tokens against the real server and engine, as an attacker would try them:
// a viewer link's token may watch but not act, a revoked token is dead at once (sockets and
// streams included), tokens do not cross sessions, and none is ever written to the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IssuedToken } from "../common/session-tokens.ts";
import { openTerminal } from "./support/terminal-client.ts";
import { terminalRefusal } from "./support/terminal-refusal.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

describe("session tokens with scopes", () => {
  let t: TestApp;
  let a: { id: string; token: string };
  let b: { id: string; token: string };
  const logged: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(
      {},
      { log: (level, msg, data) => logged.push(JSON.stringify({ level, msg, data })) },
    );
    [a, b] = await Promise.all([t.startSession(), t.startSession()]);
  });
  afterAll(async () => t?.close());

  const secrets: string[] = [];
  const mint = async (s: { id: string; token: string }, label?: string) => {
    const r = await t.api<IssuedToken>(
      "POST",
      `/api/sessions/${s.id}/tokens`,
      { scope: "view", label },
      s.token,
    );
    expect(r.status).toBe(201);
    secrets.push(r.body.token);
    return r.body;
  };
  const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
    t.api<{ error?: { code: string; message: string } }>(method, `/api/sessions/${a.id}${path}`, body, token);

  it("lets a view token read the session, its progress, its report and its activity", async () => {
    const view = await mint(a, "teacher");
    expect(view).toMatchObject({ scope: "view", label: "teacher", id: expect.any(String) });
    for (const path of ["", "/lab", "/report", "/activity"])
      expect((await call("GET", path, view.token)).status, `GET ${path}`).toBe(200);
    const events = await fetch(`${t.url}/api/sessions/${a.id}/events`, {
      headers: { authorization: `Bearer ${view.token}` },
    });
    expect(events.headers.get("content-type")).toMatch(/^text\/event-stream/);
    await events.body?.cancel();
  });

  it("refuses a view token everything that acts, and nothing happens", async () => {
    const view = await mint(a);
    const before = (await call("GET", "", a.token)) as { body: { expiresAt?: string } };
    const attempts: Array<[string, string, unknown?]> = [
      ["POST", "/exec", { cmd: ["touch", "/tmp/by-viewer"] }],
      ["PUT", "/files/content?path=by-viewer.txt", "written by the viewer"],
      ["GET", "/files"],
      ["GET", "/files/content?path=.bashrc"],
      ["POST", "/previews", { port: 8080 }],
      ["GET", "/ports"],
      ["POST", "/extend", { minutes: 60 }],
      ["POST", "/pause", {}],
      ["POST", "/resume", {}],
      ["POST", "/check", {}],
      ["POST", "/hints", { step: "x" }],
      ["POST", "/solution", { step: "x" }],
      ["POST", "/tokens", { scope: "view" }],
      ["GET", "/tokens"],
      ["DELETE", `/tokens/${view.id}`],
      ["DELETE", ""],
    ];
    for (const [method, path, body] of attempts) {
      const r = await call(method, path, view.token, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error?.message).toBe("this token can only view; this call needs the control token");
    }
    const after = (await call("GET", "", a.token)) as { body: { expiresAt?: string; state?: string } };
    expect(after.body).toMatchObject({ state: "ready", expiresAt: before.body.expiresAt });
    const files = await t.exec(a, "ls /tmp/by-viewer ~/by-viewer.txt 2>&1; true");
    expect(files.stdout).not.toMatch(/^\/tmp\/by-viewer$/m);
    expect(files.stdout.match(/No such file/g)).toHaveLength(2);
    expect((await call("GET", "/tokens", a.token)).body).toMatchObject({
      tokens: expect.arrayContaining([expect.objectContaining({ id: view.id })]),
    });
  });

  it("lets a view token's terminal watch only: its input and resizes never reach the shell", async () => {
    const view = await mint(a);
    const learner = await openTerminal(t.url, a, { term: "watched", cols: 100, rows: 30 });
    await learner.ready();
    // It asks for control; it gets a viewer's seat and the learner keeps theirs.
    const viewer = await openTerminal(
      t.url,
      { id: a.id, token: view.token },
      { term: "watched", mode: "control" },
    );
    viewer.type("touch /tmp/typed-by-viewer\r");
    viewer.send({ t: "resize", cols: 41, rows: 11 });
    learner.type("echo seen-$((20+22)); stty size\r");
    await viewer.waitFor(/seen-42\n30 100\n/);
    await new Promise((r) => setTimeout(r, 500));
    expect((await t.exec(a, "test -e /tmp/typed-by-viewer; echo $?")).stdout.trim()).toBe("1");
    expect(learner.messages.some((m) => m.t === "error")).toBe(false);
    await Promise.all([viewer.close(), learner.close()]);
  });

  it("kills a revoked token at once: HTTP, the event stream and an open terminal", async () => {
    const view = await mint(a);
    const watcher = await openTerminal(t.url, { id: a.id, token: view.token }, { mode: "view" });
    const stream = await fetch(`${t.url}/api/sessions/${a.id}/events`, {
      headers: { authorization: `Bearer ${view.token}` },
    });
    const reader = stream.body!.getReader();
    await reader.read(); // the stream is open
    const closed = new Promise<number>((resolve) => watcher.ws.once("close", resolve));
    expect((await call("DELETE", `/tokens/${view.id}`, a.token)).status).toBe(200);
    expect(await closed).toBe(4403);
    expect(watcher.messages.at(-1)).toMatchObject({
      t: "error",
      code: "forbidden",
      message: "this token was revoked",
    });
    expect(await ends(reader, 5000)).toBe(true);
    expect((await call("GET", "/lab", view.token)).status).toBe(403);
    expect(await terminalRefusal(t.url, a.id, view.token)).toEqual({ error: "forbidden", close: 4403 });
    expect((await call("GET", "/tokens", a.token)).body).not.toMatchObject({
      tokens: expect.arrayContaining([expect.objectContaining({ id: view.id })]),
    });
    expect((await call("DELETE", `/tokens/${view.id}`, a.token)).status).toBe(404);
  });

  it("refuses session A's tokens on B, and wrong, forged, short or empty ones all alike", async () => {
    const view = await mint(a);
    const wrong = await t.api("GET", `/api/sessions/${b.id}/lab`, undefined, "not-a-token");
    expect(wrong).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden", message: "invalid session or token" } },
    });
    const flipped = view.token.slice(0, -2) + (view.token.endsWith("AA") ? "BB" : "AA");
    const tries = [a.token, view.token, flipped, view.token.slice(0, 12), "x", "", "Bearer", " "];
    for (const token of tries) {
      const r = await fetch(`${t.url}/api/sessions/${b.id}/lab`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect({ status: r.status, body: await r.json() }, JSON.stringify(token)).toEqual(wrong);
    }
    expect(await t.api("GET", `/api/sessions/nosuchsession/lab`, undefined, a.token)).toEqual(wrong);
    expect((await t.api("POST", `/api/sessions/${b.id}/tokens`, { scope: "view" }, a.token)).status).toBe(
      403,
    );
    expect(
      (await t.api("DELETE", `/api/sessions/${b.id}/tokens/${view.id}`, undefined, b.token)).status,
    ).toBe(404);
    for (const token of [a.token, view.token, flipped, "", "x"])
      expect(await terminalRefusal(t.url, b.id, token), JSON.stringify(token)).toEqual({
        error: "forbidden",
        close: 4403,
      });
    // No ?token= and no cookie: a credential in a URL would end up in logs and history.
    expect((await fetch(`${t.url}/api/sessions/${a.id}/lab?token=${a.token}`)).status).toBe(401);
    const cookie = await fetch(`${t.url}/api/sessions/${a.id}/lab`, {
      headers: { cookie: `slipway_token=${a.token}` },
    });
    expect(cookie.status).toBe(401);
  });

  it("mints only view tokens, with a clear error otherwise", async () => {
    const r = await call("POST", "/tokens", a.token, { scope: "control" });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/scope: one of view/);
  });

  it("never writes a token to the log", async () => {
    // What this file did logged (terminals attached); add a request the server cannot parse.
    await fetch(`${t.url}/api/sessions/%E0%A4%A/lab`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged)
      for (const secret of [a.token, b.token, ...secrets]) expect(line).not.toContain(secret);
  });
});

/** True once the stream ends or breaks within `ms`. */
async function ends(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));
  const end = (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // broken off: ended too
    }
    return true;
  })();
  return Promise.race([end, timeout]);
}
