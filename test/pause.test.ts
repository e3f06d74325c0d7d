// Pause and resume on the real engine: a paused sandbox runs nothing and holds no disk mount;
// the same sandbox comes back with its containers, images, volumes and files, the engine
// restarting what has a restart policy, and a terminal works again (a new shell, with the
// old one's history).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import { openTerminal } from "./support/terminal-client.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

const running = (name: string) =>
  execFileSync("docker", ["inspect", "-f", "{{.State.Running}}", name]).toString().trim() === "true";
const mounted = (id: string) =>
  readFileSync("/proc/mounts", "utf8").includes(join(loadConfig().stateDir, "sandboxes", id, "disk"));

describe("pause and resume on the real engine", () => {
  let t: TestApp;
  let s: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    s = await t.startSession();
  });
  afterAll(async () => t?.close());

  it("keeps containers, images, volumes and files, and restarts what has a restart policy", async () => {
    const term = await openTerminal(t.url, s);
    await term.ready();
    term.type("echo remembered-$((6*7))\r");
    await term.waitFor(/remembered-42/);
    const setup = await t.exec(
      s,
      "docker run -d --name web --restart unless-stopped -p 8080:80 nginx >/dev/null && " +
        "docker run -d --name once -v keep:/data busybox sh -c 'echo in-volume > /data/v; sleep 600' >/dev/null && " +
        // The learner stopped it: unless-stopped keeps it stopped across the engine's reboot.
        "docker run -d --name held --restart unless-stopped busybox sleep 600 >/dev/null && docker stop -t 0 held >/dev/null && " +
        "echo kept > notes.txt && docker pull -q redis >/dev/null && echo ok",
      180_000,
    );
    expect(setup.stdout).toBe("ok\n");

    const paused = await t.api<{ state: string }>("POST", `/api/sessions/${s.id}/pause`, {}, s.token);
    expect(paused.body.state).toBe("paused");
    expect(running(`slipway-${s.id}-engine`)).toBe(false);
    expect(running(`slipway-${s.id}-ws`)).toBe(false);
    expect(mounted(s.id)).toBe(false);
    // The old terminal is let go of: its shell ended with the workstation.
    await expect
      .poll(() => term.ws.readyState !== 1 || term.messages.some((m) => m.t === "exit" || m.t === "error"))
      .toBe(true);
    await term.close();
    expect((await t.api("POST", `/api/sessions/${s.id}/exec`, { cmd: ["true"] }, s.token)).status).toBe(409);

    const resumed = await t.api<{ state: string }>("POST", `/api/sessions/${s.id}/resume`, {}, s.token);
    expect(resumed.body.state).toBe("ready");
    expect(mounted(s.id)).toBe(true);
    const r = await t.exec(
      s,
      // The engine answers first; what has a restart policy comes back just after.
      "for i in $(seq 300); do curl -sf localhost:8080 >/dev/null && break; sleep 0.1; done; " +
        "curl -sf localhost:8080 >/dev/null; echo nginx=$?; " +
        "docker ps -a --format '{{.Names}} {{.State}}' | sort; cat notes.txt; " +
        "docker run --rm -v keep:/data busybox cat /data/v; docker images --format '{{.Repository}}' | grep -c redis",
    );
    expect(r.stdout).toBe("nginx=0\nheld exited\nonce exited\nweb running\nkept\nin-volume\n1\n");
    // Once they are back, the engine's list is gone and the view says nothing; while it is
    // there (written here as engine-restart.sh writes it), the driver counts its lines.
    const ref = t.app.sessions.ready(s.id);
    expect(await t.driver.restarting(ref)).toBe(0);
    expect(
      (await t.api<{ restarting?: number }>("GET", `/api/sessions/${s.id}`, undefined, s.token)).body
        .restarting,
    ).toBeUndefined();
    execFileSync("docker", [
      "exec",
      ref.engine,
      "sh",
      "-c",
      "printf 'aaa plain\\nbbb linked\\n' >/run/slipway-engine/restarting",
    ]);
    expect(await t.driver.restarting(ref)).toBe(2);
    execFileSync("docker", ["exec", ref.engine, "rm", "/run/slipway-engine/restarting"]);

    const again = await openTerminal(t.url, s);
    await again.ready();
    // bash saved its history on the SIGHUP the pause sent it.
    again.type("grep -c '^echo remembered' ~/.bash_history\r");
    await again.waitFor(/^1\s*$/m);
    await again.close();
    // Three pulls, a pause and a resume on a shared two-core machine take their time.
  }, 300_000);
});
