// A learner's session must outlive the server: kill -9, start again, keep working (and the
// viewer links handed out keep working too).
import { describe, expect, it } from "vitest";
import { apiCall as call, serverEnv, startServerProcess } from "./support/server-process.ts";

describe("server restart", () => {
  it("adopts running sessions after kill -9", async () => {
    const env = serverEnv("restart");
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
    const view = await call<{ token: string }>(
      first.url,
      "POST",
      `/api/sessions/${s.id}/tokens`,
      { scope: "view" },
      s.token,
    );
    await first.kill("SIGKILL");

    const second = await startServerProcess(env);
    try {
      expect(await call(second.url, "GET", `/api/sessions/${s.id}`, undefined, s.token)).toMatchObject({
        state: "ready",
      });
      const r = await exec(second.url, "cat notes.txt && docker ps --format '{{.Names}}'");
      expect(r).toMatchObject({ exitCode: 0 });
      expect(r.stdout).toBe("kept\nkeeper\n");
      // A viewer link handed out before the crash still watches, and still only watches.
      expect(await call(second.url, "GET", `/api/sessions/${s.id}`, undefined, view.token)).toMatchObject({
        state: "ready",
      });
      expect(
        await call(second.url, "POST", `/api/sessions/${s.id}/exec`, { cmd: ["true"] }, view.token),
      ).toMatchObject({ error: { code: "forbidden" } });
      expect(await call(second.url, "DELETE", `/api/sessions/${s.id}`, undefined, s.token)).toMatchObject({
        state: "stopped",
      });
    } finally {
      await second.kill("SIGTERM");
    }
  }, 240_000); // two server starts, each with host setup: near 120 s on a loaded machine
});
