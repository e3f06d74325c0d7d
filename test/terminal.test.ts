// Terminals on the real engine and a real websocket: the shell lives in dtach in the
// workstation, so it outlives socket drops and a server restart.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, serverEnv, startServerProcess } from "./support/server-process.ts";
import { openTerminal, plain } from "./support/terminal-client.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

describe("terminals on the real engine", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestApp();
    s = await t.startSession();
  });
  afterAll(async () => t?.close());

  it("runs a typed command, and docker inside, and reports the size it was opened with", async () => {
    const c = await openTerminal(t.url, s, { cols: 97, rows: 31 });
    c.type("echo $((6*7))\r");
    await c.waitFor(/\n42\n/);
    c.type("stty size; docker ps --format '{{.ID}}' | wc -l\r");
    await c.waitFor(/31 97\n/);
    c.send({ t: "resize", cols: 133, rows: 44 });
    await new Promise((r) => setTimeout(r, 300));
    c.type("stty size\r");
    await c.waitFor(/44 133\n/);
    await c.close();
  });

  it("replays exactly what a dropped client missed: no gap, no duplicate", async () => {
    const watcher = await openTerminal(t.url, s, { term: "flood", mode: "view" });
    const first = await openTerminal(t.url, s, { term: "flood" });
    await first.ready();
    const start = first.lastSeq();
    first.type("seq 1 200000; echo SEQ-$((1000+1))\r");
    await first.waitFor(/\n\d{5}\n/);
    const dropped = first.text().length;
    const droppedAt = first.lastSeq();
    first.ws.terminate();
    await watcher.waitFor(/SEQ-1001/, 60_000);
    const second = await openTerminal(t.url, s, { term: "flood", lastSeq: droppedAt });
    await second.waitFor(/SEQ-1001/, 60_000);
    // What the two connections saw, joined at the drop, equals the continuous viewer's stream.
    const joined = first.text().slice(0, dropped) + second.text();
    const viewer = watcher.text();
    const sinceStart = viewer.slice(viewer.length - joined.length);
    expect(second.messages[0]).toMatchObject({ t: "ready", truncated: false });
    expect(joined).toBe(sinceStart);
    expect(plain(joined)).toContain("200000");
    expect(start).toBeLessThan(droppedAt);
    await Promise.all([watcher.close(), second.close()]);
  });

  it("stops a flood with Ctrl-C and returns a prompt", async () => {
    const c = await openTerminal(t.url, s, { term: "yes" });
    await c.ready();
    c.type("yes\r");
    await c.waitFor(/(y\n){50}/);
    c.type("\x03");
    c.type("echo AFTER-$((1+1))\r");
    await c.waitFor(/AFTER-2/, 10_000);
    await c.close();
  });
});

describe("terminals across a server restart", () => {
  it("keeps the shell's state after kill -9 of the server", async () => {
    const env = serverEnv("term-restart");
    const first = await startServerProcess(env);
    const s = await apiCall<{ id: string; token: string; state: string }>(
      first.url,
      "POST",
      "/api/sessions",
      {
        lab: "playground",
      },
    );
    expect(s).toMatchObject({ state: "ready" });
    const c1 = await openTerminal(first.url, s);
    c1.type("export REMEMBER=slipway-$((40+2))\r");
    await c1.ready();
    await first.kill("SIGKILL");
    const second = await startServerProcess(env);
    try {
      const body = await apiCall<{ state: string; reason?: string }>(
        second.url,
        "GET",
        `/api/sessions/${s.id}`,
        undefined,
        s.token,
      );
      expect(body.reason).toBeUndefined();
      expect(body.state).toBe("ready");
      const c2 = await openTerminal(second.url, s);
      c2.type("echo value=$REMEMBER\r");
      await c2.waitFor(/value=slipway-42/);
      await c2.close();
      await apiCall(second.url, "DELETE", `/api/sessions/${s.id}`, undefined, s.token);
    } finally {
      await second.kill("SIGTERM");
    }
  });
});

describe("terminal flow control on the real engine", () => {
  const rssMiB = (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

  it("holds server memory bounded while a shell floods a client that reads nothing", async () => {
    const server = await startServerProcess(serverEnv("term-flood"));
    const pid = server.child.pid ?? 0;
    try {
      const s = await apiCall<{ id: string; token: string }>(server.url, "POST", "/api/sessions", {
        lab: "playground",
      });
      const c = await openTerminal(server.url, s, { autoAck: false });
      await c.ready();
      const before = rssMiB(pid);
      c.type("cat /dev/urandom | base64\r");
      let peak = before;
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, 200));
        peak = Math.max(peak, rssMiB(pid));
      }
      // The server stops reading the shell once 2 MiB are unacknowledged; a megabyte-per-
      // millisecond flood over 8 s would otherwise have sent gigabytes.
      const received = c.text().length;
      expect(received).toBeGreaterThan(1024 * 1024);
      expect(received).toBeLessThan(8 * 1024 * 1024);
      expect(peak - before).toBeLessThan(64);
      c.send({ t: "ack", bytes: received });
      c.type("\x03");
      c.type("echo CALM-$((2+3))\r");
      await c.waitFor(/CALM-5/, 10_000);
      await c.close();
      await apiCall(server.url, "DELETE", `/api/sessions/${s.id}`, undefined, s.token);
    } finally {
      await server.kill("SIGTERM");
    }
  });
});
