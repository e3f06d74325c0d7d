// Webhooks against a real receiver on loopback: every kind of event arrives, signed with
// the secret the instructor got; a receiver that fails is retried and each attempt is
// recorded; an event is told once.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ClassCreated } from "../../../common/class-views.ts";
import { type MemoryApp, startMemoryApp } from "../memory-app.test-helper.ts";
import { signature } from "./class-webhooks.ts";
import type { Delivery } from "./webhook.ts";

let m: MemoryApp;
let receiver: Server;
let url = "";
const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  m = await startMemoryApp();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const joined = (JSON.parse(body) as { type: string }).type === "joined";
      res.statusCode = joined && failuresLeft-- > 0 ? 503 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await m.close();
  receiver.close();
});

const OURS = { "x-slipway-client": "1", "sec-fetch-site": "same-origin" };

it("delivers a class's events signed, retries a failing receiver and records each delivery", async () => {
  const made = await m.call<ClassCreated>("POST", "/api/classes", {
    body: { title: "Hooks", labs: ["live-steps"] },
  });
  const { instructorKey: key, class: c } = made.body;
  const hook = await m.call<{ secret: string }>("PUT", `/api/classes/${c.id}/webhook`, {
    token: key,
    body: { url },
  });
  expect(hook.status).toBe(200);
  const bad = await m.call("PUT", `/api/classes/${c.id}/webhook`, {
    token: key,
    body: { url: "file:///etc/passwd" },
  });
  expect(bad.status).toBe(400);

  failuresLeft = 2; // the "joined" delivery fails twice, then gets through
  const join = await m.call("POST", "/api/classes/join", {
    headers: OURS,
    body: { code: c.joinCode, displayName: "Ada" },
  });
  const cookie = /slipway_learner=([^;]+)/.exec(join.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const s = await m.call<{ id: string }>("POST", "/api/sessions", {
    headers: { ...OURS, cookie: `slipway_learner=${cookie}` },
    body: { lab: "live-steps" },
  });
  await m.app.sessions.exec(s.body.id, [
    "sh",
    "-c",
    "docker run -d --name box busybox && echo hello > notes.txt",
  ]);
  await vi.waitFor(() => expect(received.map((r) => JSON.parse(r.body).type)).toContain("lab.completed"), {
    timeout: 5000,
  });
  await m.app.progress.check(s.body.id); // checks again: nothing is told twice
  await m.app.sessions.stop(s.body.id);

  const deliveries = async () =>
    (await m.call<{ deliveries: Delivery[] }>("GET", `/api/classes/${c.id}/deliveries`, { token: key })).body
      .deliveries;
  await vi.waitFor(
    async () => expect((await deliveries()).every((d) => d.status === "delivered")).toBe(true),
    {
      timeout: 5000,
    },
  );
  const list = await deliveries();
  expect(list.map((d) => d.event.type).sort()).toEqual(
    ["joined", "session.started", "step.passed", "step.passed", "lab.completed", "session.ended"].sort(),
  );
  expect(list.find((d) => d.event.type === "joined")).toMatchObject({ attempts: 3, lastResult: "HTTP 204" });
  expect(list.find((d) => d.event.type === "step.passed")?.event).toMatchObject({
    learner: { displayName: "Ada" },
    sessionId: s.body.id,
    lab: "live-steps",
  });
  // Every request carries a signature the receiver can check with the secret.
  for (const r of received) {
    const ts = String(r.headers["x-slipway-timestamp"]);
    expect(r.headers["x-slipway-signature"]).toBe(signature(hook.body.secret, ts, r.body));
    expect(r.headers["x-slipway-signature"]).not.toBe(signature("wrong secret", ts, r.body));
  }
  expect(received.filter((r) => JSON.parse(r.body).type === "joined")).toHaveLength(3);
});

it("gives up after its attempts and records the failure", async () => {
  const made = await m.call<ClassCreated>("POST", "/api/classes", {
    body: { title: "Down", labs: ["live-steps"] },
  });
  const { instructorKey: key, class: c } = made.body;
  // A port nothing listens on: connection refused each time.
  await m.call("PUT", `/api/classes/${c.id}/webhook`, {
    token: key,
    body: { url: "http://127.0.0.1:9/hook" },
  });
  await m.call("POST", "/api/classes/join", { headers: OURS, body: { code: c.joinCode, displayName: "Bo" } });
  await vi.waitFor(
    async () => {
      const r = await m.call<{ deliveries: Delivery[] }>("GET", `/api/classes/${c.id}/deliveries`, {
        token: key,
      });
      expect(r.body.deliveries[0]).toMatchObject({
        status: "failed",
        attempts: 4,
        lastResult: expect.stringMatching(/^not reached/),
      });
    },
    { timeout: 5000 },
  );
});
