// A pause or a resume cut short by kill -9 is finished by the next server: the sandbox ends
// paused (or running) with everything in it, and nothing leaks.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import {
  type ServerProcess,
  apiCall as call,
  serverEnv,
  startServerProcess,
} from "./support/server-process.ts";

const sandboxDir = (id: string) => join(loadConfig().stateDir, "sandboxes", id);
const running = (name: string) =>
  execFileSync("docker", ["inspect", "-f", "{{.State.Running}}", name]).toString().trim() === "true";
const labelled = (instance: string) =>
  execFileSync("docker", ["ps", "-aq", "--filter", `label=io.slipway.instance=${instance}`])
    .toString()
    .trim();

async function waitForState(url: string, s: { id: string; token: string }, state: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const v = await call<{ state: string }>(url, "GET", `/api/sessions/${s.id}`, undefined, s.token);
    if (v.state === state) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`session ${s.id} never became ${state}`);
}

/** Starts the move and kills the server with -9 while the session says it is under way. */
async function killDuring(server: ServerProcess, s: { id: string; token: string }, move: "pause" | "resume") {
  void call(server.url, "POST", `/api/sessions/${s.id}/${move}`, {}, s.token).catch(() => undefined);
  await waitForState(server.url, s, move === "pause" ? "pausing" : "resuming");
  await server.kill("SIGKILL");
}

describe("pause and resume across kill -9", () => {
  it("finishes the move a crash interrupted, keeps the work, and leaks nothing", async () => {
    const env = serverEnv("pause-restart");
    const servers: ServerProcess[] = [];
    const start = async () => (servers.push(await startServerProcess(env)), servers.at(-1) as ServerProcess);
    try {
      const first = await start();
      const s = await call<{ id: string; token: string; state: string }>(first.url, "POST", "/api/sessions", {
        lab: "playground",
      });
      expect(s.state).toBe("ready");
      const exec = (url: string, script: string) =>
        call<{ exitCode: number; stdout: string }>(
          url,
          "POST",
          `/api/sessions/${s.id}/exec`,
          { cmd: ["bash", "-c", script] },
          s.token,
        );
      await exec(
        first.url,
        "echo kept > notes.txt && docker volume create vol >/dev/null && docker run -d --name keeper --restart always busybox sleep 600",
      );
      await killDuring(first, s, "pause");

      const second = await start();
      expect(await call(second.url, "GET", `/api/sessions/${s.id}`, undefined, s.token)).toMatchObject({
        state: "paused",
      });
      expect(running(`slipway-${s.id}-engine`)).toBe(false);
      expect(readFileSync("/proc/mounts", "utf8")).not.toContain(join(sandboxDir(s.id), "disk"));
      await killDuring(second, s, "resume");

      const third = await start();
      expect(await call(third.url, "GET", `/api/sessions/${s.id}`, undefined, s.token)).toMatchObject({
        state: "ready",
      });
      // The engine answers before it has restarted what has a restart policy: wait for keeper.
      const r = await exec(
        third.url,
        'cat notes.txt; for i in $(seq 300); do [ -n "$(docker ps -q -f name=keeper)" ] && break; sleep 0.1; done; ' +
          "docker ps --format '{{.Names}}'; docker volume ls -q",
      );
      expect(r).toMatchObject({ exitCode: 0, stdout: "kept\nkeeper\nvol\n" });
      expect(await call(third.url, "DELETE", `/api/sessions/${s.id}`, undefined, s.token)).toMatchObject({
        state: "stopped",
      });
      expect(labelled(env.SLIPWAY_INSTANCE as string)).toBe("");
      expect(existsSync(sandboxDir(s.id))).toBe(false);
    } finally {
      for (const server of servers) await server.kill("SIGTERM");
    }
    // Three server starts on a shared two-core machine take their time.
  }, 600_000);
});
