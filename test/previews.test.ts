// Previews on their own origin, against the real server and engine: nginx in the sandbox
// serves a page whose stylesheet is root-relative, and the preview host serves both; the
// preview host never serves Slipway's API and never hands the app Slipway's credentials;
// websockets reach the app; a port with nothing on it gets a page that says what to do.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortList, PreviewLink } from "../common/previews.ts";
import { openPreview, previewRequest, previewSocket } from "./support/preview-client.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "previews");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

describe("previews on their own origin", () => {
  let t: TestApp;
  let a: { id: string; token: string };
  let b: { id: string; token: string };
  let site: string;
  let cookie: string;

  const link = async (s: { id: string; token: string }, port: number, path = "/") => {
    const r = await t.api<PreviewLink>("POST", `/api/sessions/${s.id}/previews`, { port, path }, s.token);
    expect(r.status).toBe(201);
    return r.body.url;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await Promise.all([t.startSession(), t.startSession()]);
    await t.driver.putFiles(t.app.sessions.ready(a.id), [
      { path: "site/index.html", content: fixture("index.html") },
      { path: "site/style.css", content: fixture("style.css") },
      { path: "conf/default.conf", content: fixture("default.conf") },
      { path: "ws/echo.js", content: fixture("ws-echo.js") },
    ]);
    const r = await t.exec(
      a,
      [
        "docker run -d -p 8080:80 -v $HOME/site:/usr/share/nginx/html:ro -v $HOME/conf/default.conf:/etc/nginx/conf.d/default.conf:ro nginx",
        "docker run -d -p 127.0.0.1:9099:80 nginx",
        "docker run -d -p 8090:8090 -v $HOME/ws:/app:ro node node /app/echo.js",
        "for i in $(seq 100); do curl -sf localhost:8080/style.css >/dev/null && curl -s localhost:8090 >/dev/null && break; sleep 0.2; done",
      ].join(" && "),
      180_000,
    );
    expect(r.exitCode, r.stderr).toBe(0);
  });
  afterAll(async () => t?.close());

  it("lists the ports listening in the sandbox, with their preview addresses", async () => {
    const r = await t.api<PortList>("GET", `/api/sessions/${a.id}/ports`, undefined, a.token);
    expect(r.status).toBe(200);
    const port = new URL(t.url).port;
    const byPort = new Map(r.body.ports.map((p) => [p.port, p]));
    expect(byPort.get(8080)).toEqual({
      port: 8080,
      reachable: true,
      previewUrl: expect.stringMatching(new RegExp(`^http://p8080-[0-9a-f]{24}\\.localhost:${port}/$`)),
    });
    expect(byPort.get(9099)?.reachable).toBe(false); // published on 127.0.0.1 only
    expect(byPort.get(8090)?.reachable).toBe(true);
    site = byPort.get(8080)?.previewUrl as string;
    // Not the session id, and another session's previews live elsewhere.
    expect(site).not.toContain(a.id);
    const other = await t.api<PreviewLink>("POST", `/api/sessions/${b.id}/previews`, { port: 8080 }, b.token);
    expect(new URL(other.body.url).host).not.toBe(new URL(site).host);
  });

  it("opens with a one-time link, then serves the page and its root-relative stylesheet", async () => {
    const url = await link(a, 8080, "/index.html");
    expect(new URL(url).origin).toBe(new URL(site).origin);
    const opened = await previewRequest(t.url, url);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe("/index.html");
    expect(opened.headers["set-cookie"]?.[0]).toMatch(
      /^slipway_preview=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    cookie = await openPreview(t.url, await link(a, 8080));
    const page = await previewRequest(t.url, `${site}index.html`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<link rel="stylesheet" href="/style.css" />');
    const css = await previewRequest(t.url, `${site}style.css`, { headers: { cookie } });
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
    expect(css.body).toContain("rgb(255, 200, 0)");
    // The link worked once: replayed, it opens nothing.
    const again = await previewRequest(t.url, url);
    expect(again.status).toBe(401);
    expect(again.body).toContain("Open this preview from your session");
  });

  it("shows nothing without the preview cookie, nor with one for another port or a forged one", async () => {
    const bare = await previewRequest(t.url, site);
    expect(bare).toMatchObject({ status: 401, headers: { "content-type": "text/html; charset=utf-8" } });
    expect(bare.body).not.toContain("Hello from the sandbox");
    const otherPort = site.replace("p8080-", "p8090-");
    expect((await previewRequest(t.url, otherPort, { headers: { cookie } })).status).toBe(401);
    const forged = cookie.replace(/=(\d+)\./, (_m, exp: string) => `=${Number(exp) + 1}.`);
    expect((await previewRequest(t.url, site, { headers: { cookie: forged } })).status).toBe(401);
    const control = { authorization: `Bearer ${a.token}` };
    expect((await previewRequest(t.url, site, { headers: control })).status).toBe(401);
  });

  it("never serves Slipway's API on a preview host", async () => {
    const withAll = { cookie, authorization: `Bearer ${a.token}` };
    for (const path of ["api/health", `api/sessions/${a.id}`, "api/labs", ""]) {
      const r = await previewRequest(t.url, `${site}${path}`, { headers: withAll });
      expect(r.body, path).not.toMatch(/"status":|"state":|"lab":|Slipway<\/title>/);
    }
    expect((await previewRequest(t.url, `${site}api/health`, { headers: withAll })).status).toBe(404); // nginx's
    const unknown = site.replace(/p8080-[0-9a-f]{24}/, "p8080-000000000000000000000000");
    for (const host of [
      unknown,
      site.replace(/p8080-[0-9a-f]{24}/, "slipway"),
      site.replace(/\/\/[^.]+\./, "//a.b."),
    ]) {
      const r = await previewRequest(t.url, `${host}api/health`, { headers: withAll });
      expect(r.status, host).toBeGreaterThanOrEqual(400);
      expect(r.headers["content-type"], host).toBe("text/html; charset=utf-8");
    }
    // A terminal socket on a preview host goes to the app (nginx: no websockets), not Slipway.
    const ws = previewSocket(t.url, `${site}api/sessions/${a.id}/terminals/term1`, { cookie });
    const answer = await new Promise<number>((resolve) => {
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
    });
    expect(answer).not.toBe(101);
    // And the old path on Slipway's origin serves no learner content any more.
    const old = await fetch(`${t.url}/api/sessions/${a.id}/ports/8080/`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(old.status).toBe(404);
  });

  it("hands the app neither the preview cookie nor Slipway's token, but its own cookies and auth", async () => {
    const sent = async (headers: Record<string, string>) =>
      (
        await previewRequest(t.url, `${site}echo`, {
          headers: { ...headers, cookie: `${cookie}; theme=dark` },
        })
      ).body;
    const withToken = await sent({ authorization: `Bearer ${a.token}` });
    expect(withToken).toMatch(
      /^cookie=\[theme=dark\] authorization=\[\] host=\[localhost:8080\] forwarded=\[p8080-/,
    );
    expect(withToken).not.toContain(a.token);
    expect(withToken).not.toContain("slipway_preview");
    expect(await sent({ authorization: "Basic bGVhcm5lcjpzZWNyZXQ=" })).toContain(
      "authorization=[Basic bGVhcm5lcjpzZWNyZXQ=]",
    );
  });

  it("relays websockets to the app, without the preview cookie", async () => {
    const app = (
      await t.api<PortList>("GET", `/api/sessions/${a.id}/ports`, undefined, a.token)
    ).body.ports.find((p) => p.port === 8090);
    const wsCookie = await openPreview(t.url, await link(a, 8090));
    const ws = previewSocket(t.url, `${app?.previewUrl}live`, { cookie: `${wsCookie}; app=1` });
    await new Promise<void>((resolve, reject) => ws.once("open", resolve).once("error", reject));
    ws.send("hello");
    const reply = await new Promise<string>((resolve) => ws.once("message", (d) => resolve(d.toString())));
    expect(reply).toBe("echo:hello cookie:app=1");
    ws.close();
    const refused = previewSocket(t.url, `${app?.previewUrl}live`, {});
    const status = await new Promise<number>((resolve) =>
      refused.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it("says what to do when nothing listens on the port", async () => {
    const empty = await openPreview(t.url, await link(a, 8089));
    const r = await previewRequest(t.url, site.replace("p8080-", "p8089-"), { headers: { cookie: empty } });
    expect(r.status).toBe(502);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.body).toContain("Nothing answers on port 8089");
    expect(r.body).toContain("<code>0.0.0.0:8089</code>");
  });

  it("stops serving a preview once its session ends", async () => {
    const bCookie = await openPreview(t.url, await link(b, 8080));
    const bSite = new URL((await link(b, 8080)).replace(/__slipway.*$/, "")).href;
    await t.api("DELETE", `/api/sessions/${b.id}`, undefined, b.token);
    const r = await previewRequest(t.url, bSite, { headers: { cookie: bCookie } });
    expect(r.status).toBe(410);
    expect(r.body).toContain("This session has ended");
  });
});
