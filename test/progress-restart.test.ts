// Lab progress survives the server: kill -9, start again, passed steps are still passed,
// revealed hints still revealed, and live checks pick the adopted session up again.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SessionLabView } from "../common/lab-events.ts";
import { startServerProcess } from "./support/server-process.ts";

async function call<T>(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("lab progress across a restart", () => {
  it("keeps passed steps and revealed hints after kill -9, and checks live again", async () => {
    const env = {
      SLIPWAY_DB: join(mkdtempSync(join(tmpdir(), "slipway-progress-")), "slipway.db"),
      SLIPWAY_INSTANCE: `progress-${Date.now()}`,
      SLIPWAY_POOL_SIZE: "0",
      SLIPWAY_LABS_DIR: "test/fixtures/labs",
    };
    const first = await startServerProcess(env);
    const s = await call<{ id: string; token: string }>(first.url, "POST", "/api/sessions", undefined, {
      lab: "live-steps",
    });
    const exec = (url: string, script: string) =>
      call(url, "POST", `/api/sessions/${s.id}/exec`, s.token, { cmd: ["sh", "-c", script] });
    const statuses = async (url: string) =>
      (await call<SessionLabView>(url, "GET", `/api/sessions/${s.id}/lab`, s.token)).steps.map(
        (st) => st.status,
      );
    const once = (url: string, step: number) =>
      eventually(
        () => statuses(url),
        (v) => v[step] === "passed",
      );
    await call(first.url, "POST", `/api/sessions/${s.id}/hints`, s.token, { step: "run-box" });
    await exec(first.url, "echo hello > notes.txt");
    expect(await once(first.url, 1)).toEqual(["failed", "passed"]);
    await first.kill("SIGKILL");

    const second = await startServerProcess(env);
    try {
      const view = await call<SessionLabView>(second.url, "GET", `/api/sessions/${s.id}/lab`, s.token);
      expect(view.steps.map((st) => [st.status, st.hints.length])).toEqual([
        ["failed", 1],
        ["passed", 0],
      ]);
      await exec(second.url, "rm notes.txt && docker run -d --name box busybox sleep 600");
      expect(await once(second.url, 0)).toEqual(["passed", "passed"]);
      // The killed server's file watcher ended with its connection; only the new one runs.
      const watchers = await exec(second.url, "ps -eo args | grep -c '^inotifywait' || true");
      expect(watchers).toMatchObject({ stdout: "1\n" });
      await call(second.url, "DELETE", `/api/sessions/${s.id}`, s.token);
    } finally {
      await second.kill("SIGTERM");
    }
  });
});
