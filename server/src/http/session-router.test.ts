import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../sessions/ids.ts";
import { MemoryTokenStore } from "../sessions/access/memory-token-store.ts";
import type { Session } from "../sessions/session.ts";
import { SessionAccess } from "../sessions/access/session-access.ts";
import { errorHandler } from "./error-handler.ts";
import { fileRoutes } from "./file-routes.ts";
import { labEventsRoute } from "./lab-events-route.ts";
import { labRoutes } from "./lab-routes.ts";
import { portRoutes } from "./port-routes.ts";
import { SessionRouter } from "./session-router.ts";
import { sessionRoutes } from "./session-routes.ts";
import { tokenRoutes } from "./token-routes.ts";

it("lets a view token reach exactly the reads it is meant for, and nothing else", () => {
  const r = new SessionRouter({ authorize: () => ({ sessionId: "s", scope: "control" }) });
  const unused = {} as never;
  sessionRoutes(r, unused, unused);
  fileRoutes(r, unused, unused);
  labRoutes(r, unused, unused);
  labEventsRoute(r, unused, unused);
  tokenRoutes(r, unused);
  portRoutes(r, unused);
  const view = r.routes.filter((d) => d.scope === "view").map((d) => `${d.method} ${d.path}`);
  expect(view.sort()).toEqual([
    "GET /:id",
    "GET /:id/activity",
    "GET /:id/events",
    "GET /:id/lab",
    "GET /:id/report",
  ]);
  expect(r.routes.length).toBeGreaterThan(15);
});

describe("a declared route", () => {
  const ran: string[] = [];
  let url: string;
  let close: () => void;
  const session = { id: "s1", tokenHash: hashToken("control"), status: "ready" } as Session;
  const access = new SessionAccess({
    session: (id) => (id === "s1" ? session : undefined),
    tokens: new MemoryTokenStore(),
    clock: Date.now,
  });
  const viewToken = access.mint("s1", "view").token;

  beforeAll(async () => {
    const r = new SessionRouter(access);
    r.get("/:id/peek", "view", (_req, res, g) => (ran.push(`peek ${g.scope}`), res.json({ ok: true })));
    r.post(
      "/:id/act",
      "control",
      (req, res) => (ran.push(`act ${JSON.stringify(req.body)}`), res.json({ ok: true })),
    );
    const app = express()
      .use("/api/sessions", r.router)
      .use(errorHandler(() => {}));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sessions`;
    close = () => server.close();
  });
  afterAll(() => close());

  const send = async (method: string, path: string, token?: string, body?: string) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${url}${path}`, { method, headers, body });
    return [res.status, ((await res.json()) as { error?: { code: string } }).error?.code ?? "ok"];
  };

  it("checks the token before it runs, or even reads the body", async () => {
    expect(await send("GET", "/s1/peek", viewToken)).toEqual([200, "ok"]);
    expect(await send("POST", "/s1/act", viewToken, "{not json")).toEqual([403, "forbidden"]);
    expect(await send("POST", "/s1/act", undefined, "{not json")).toEqual([401, "unauthorized"]);
    expect(await send("POST", "/s2/act", "control", "{}")).toEqual([403, "forbidden"]);
    expect(await send("POST", "/s1/act", "control", "{not json")).toEqual([400, "invalid-input"]);
    expect(await send("POST", "/s1/act", "control", '{"go":1}')).toEqual([200, "ok"]);
    expect(ran).toEqual(["peek view", 'act {"go":1}']);
  });
});
