// Runs last in its file order: after every session is stopped, nothing labelled remains.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import { ephemeralInstance } from "../server/src/sessions/reconcile/ephemeral-instance.ts";
import { startTestApp } from "./support/test-app.ts";

const labelled = (kind: "ps" | "network" | "volume", instance: string) => {
  const args = kind === "ps" ? ["ps", "-aq"] : [kind, "ls", "-q"];
  return execFileSync("docker", [...args, "--filter", `label=io.slipway.instance=${instance}`])
    .toString()
    .trim();
};

describe("cleanup", () => {
  it("leaves no container, network, volume or disk behind once sessions stop", async () => {
    const instance = ephemeralInstance("leaktest");
    const t = await startTestApp({ SLIPWAY_INSTANCE: instance });
    const sessions = await Promise.all([t.startSession(), t.startSession(), t.startSession()]);
    await t.exec(
      sessions[0]!,
      "docker network create n1 && docker volume create v1 && docker run -d --network n1 -v v1:/d busybox sleep 600",
    );
    expect(labelled("ps", instance)).not.toBe("");
    for (const s of sessions)
      expect((await t.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token)).status).toBe(200);
    expect(labelled("ps", instance)).toBe("");
    expect(labelled("network", instance)).toBe("");
    expect(labelled("volume", instance)).toBe("");
    // Nor a sandbox disk: no mount, no image, no folder in the state directory.
    const dirs = sessions.map((s) => join(loadConfig().stateDir, "sandboxes", s.id));
    const mounts = readFileSync("/proc/mounts", "utf8");
    expect(dirs.filter((d) => mounts.includes(d) || existsSync(d))).toEqual([]);
    await t.close();
  });

  it("leaves nothing when the server closes while a queued session is being started", async () => {
    const instance = ephemeralInstance("leaktest-queue");
    const t = await startTestApp({ SLIPWAY_INSTANCE: instance, SLIPWAY_MAX_SESSIONS: "1" });
    const first = await t.startSession();
    const queued = await t.api<{ id: string; state: string }>("POST", "/api/sessions", { lab: "playground" });
    expect(queued.body.state).toBe("queued");
    // Stopping the first promotes the queued one, whose sandbox starts in the background.
    await t.api("DELETE", `/api/sessions/${first.id}`, undefined, first.token);
    await t.close();
    expect(labelled("ps", instance)).toBe("");
    expect(labelled("volume", instance)).toBe("");
    expect(existsSync(join(loadConfig().stateDir, "sandboxes", queued.body.id))).toBe(false);
  });
});
