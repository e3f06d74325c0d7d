// A learner's session must outlive the server: kill -9, start again, keep working.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startServerProcess } from "./support/server-process.ts";

async function call(url: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

describe("server restart", () => {
  it("adopts running sessions after kill -9", async () => {
    const env = {
      SLIPWAY_DB: join(mkdtempSync(join(tmpdir(), "slipway-restart-")), "slipway.db"),
      SLIPWAY_INSTANCE: `restart-${Date.now()}`,
      SLIPWAY_POOL_SIZE: "0",
    };
    const first = await startServerProcess(env);
    const s = (await call(first.url, "POST", "/api/sessions", { lab: "playground" })) as {
      id: string;
      token: string;
      state: string;
    };
    expect(s.state).toBe("ready");
    const exec = (url: string, script: string) =>
      call(url, "POST", `/api/sessions/${s.id}/exec`, { cmd: ["bash", "-c", script] }, s.token);
    await exec(first.url, "echo kept > notes.txt && docker run -d --name keeper busybox sleep 600");
    await first.kill("SIGKILL");

    const second = await startServerProcess(env);
    try {
      expect(await call(second.url, "GET", `/api/sessions/${s.id}`, undefined, s.token)).toMatchObject({
        state: "ready",
      });
      const r = await exec(second.url, "cat notes.txt && docker ps --format '{{.Names}}'");
      expect(r).toMatchObject({ exitCode: 0 });
      expect(r.stdout).toBe("kept\nkeeper\n");
      expect(await call(second.url, "DELETE", `/api/sessions/${s.id}`, undefined, s.token)).toMatchObject({
        state: "stopped",
      });
    } finally {
      await second.kill("SIGTERM");
    }
  });
});
