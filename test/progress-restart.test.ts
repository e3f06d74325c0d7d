// Lab progress survives the server: kill -9, start again, passed steps are still passed,
// revealed hints still revealed, and live checks pick the adopted session up again.
import { describe, expect, it } from "vitest";
import type { SessionLabView } from "../common/lab-events.ts";
import { apiCall as call, serverEnv, startServerProcess } from "./support/server-process.ts";

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
    const env = { ...serverEnv("progress"), SLIPWAY_LABS_DIR: "test/fixtures/labs" };
    const first = await startServerProcess(env);
    const s = await call<{ id: string; token: string }>(first.url, "POST", "/api/sessions", {
      lab: "live-steps",
    });
    const exec = (url: string, script: string) =>
      call(url, "POST", `/api/sessions/${s.id}/exec`, { cmd: ["sh", "-c", script] }, s.token);
    const statuses = async (url: string) =>
      (await call<SessionLabView>(url, "GET", `/api/sessions/${s.id}/lab`, undefined, s.token)).steps.map(
        (st) => st.status,
      );
    const once = (url: string, step: number) =>
      eventually(
        () => statuses(url),
        (v) => v[step] === "passed",
      );
    await call(first.url, "POST", `/api/sessions/${s.id}/hints`, { step: "run-box" }, s.token);
    await exec(first.url, "echo hello > notes.txt");
    expect(await once(first.url, 1)).toEqual(["failed", "passed"]);
    await first.kill("SIGKILL");

    const second = await startServerProcess(env);
    try {
      const view = await call<SessionLabView>(
        second.url,
        "GET",
        `/api/sessions/${s.id}/lab`,
        undefined,
        s.token,
      );
      expect(view.steps.map((st) => [st.status, st.hints.length])).toEqual([
        ["failed", 1],
        ["passed", 0],
      ]);
      await exec(second.url, "rm notes.txt && docker run -d --name box busybox sleep 600");
      expect(await once(second.url, 0)).toEqual(["passed", "passed"]);
      // The killed server's file watcher ended with its connection; only the new one runs.
      const watchers = await exec(second.url, "ps -eo args | grep -c '^inotifywait' || true");
      expect(watchers).toMatchObject({ stdout: "1\n" });
      await call(second.url, "DELETE", `/api/sessions/${s.id}`, undefined, s.token);
    } finally {
      await second.kill("SIGTERM");
    }
  });
});
