// A learner who fills their disk gets "No space left on device" from their own sandbox, by
// every path a write can take, and the host keeps its space.
import { existsSync, mkdtempSync, readFileSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import { DockerDriver } from "../server/src/sandbox/docker/docker-driver.ts";
import { hostFacts, startTestApp, type TestApp } from "./support/test-app.ts";

const stateDir = loadConfig().stateDir;
const freeBytes = () => {
  const fs = statfsSync(stateDir);
  return fs.bavail * fs.bsize;
};
const fill = (target: string) =>
  `dd if=/dev/zero of=${target} bs=1M count=1600 2>&1 | grep -o 'No space left on device' | head -1`;

describe("sandbox disk quota", () => {
  let t: TestApp;
  let s: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp({ SLIPWAY_SANDBOX_DISK_GIB: "1" });
    s = await t.startSession();
  });
  afterAll(async () => t?.close());

  it("is available on this host (root, loop devices, a local engine)", () => {
    expect(hostFacts().diskQuota).toEqual({ supported: true });
  });

  it("stops writes at the quota in the workspace, in a container's layer and in the engine's /tmp", async () => {
    const before = freeBytes();
    const r = await t.exec(
      s,
      [
        `echo "workspace: $(${fill("fill")})"; rm -f fill`,
        `echo "layer: $(docker run --rm busybox sh -c "${fill("/big")}")"`,
        `echo "engine tmp: $(docker run --rm -v /tmp:/t busybox sh -c "${fill("/t/big")}")"`,
        `docker run --rm -v /tmp:/t busybox rm -f /t/big`,
      ].join("\n"),
      120_000,
    );
    expect(r.stdout).toContain("workspace: No space left on device");
    expect(r.stdout).toContain("layer: No space left on device");
    expect(r.stdout).toContain("engine tmp: No space left on device");
    // Each fill stopped near 1 GiB and was deleted: the host never lost more than the quota.
    expect(before - freeBytes()).toBeLessThan(1.2 * 1024 ** 3);
  });

  it("keeps the workstation's system read-only, so no write escapes to the host's disk", async () => {
    const r = await t.exec(
      s,
      `touch /usr/local/x 2>&1; touch /run/slipway/x 2>&1; echo ok > /tmp/x && cat /tmp/x; echo "terms: $(${fill("/run/slipway-terms/big")})"; rm -f /run/slipway-terms/big`,
      120_000,
    );
    expect(r.stdout).toContain("touch: cannot touch '/usr/local/x': Read-only file system");
    expect(r.stdout).toContain("touch: cannot touch '/run/slipway/x': Read-only file system");
    expect(r.stdout).toContain("ok");
    // The terminals' socket folder is writable (dtach makes its sockets there), so it is on
    // the sandbox's disk.
    expect(r.stdout).toContain("terms: No space left on device");
  });

  it("still works after the learner frees space", async () => {
    const r = await t.exec(s, "echo hi > note && docker run --rm -v $PWD:/w busybox cat /w/note");
    expect(r.stdout.trim()).toBe("hi");
  });

  it("leaves no disk mounted when a server with another state directory reaps the sandbox", async () => {
    const s2 = await t.startSession();
    const dir = join(stateDir, "sandboxes", s2.id);
    expect(readFileSync("/proc/mounts", "utf8")).toContain(join(dir, "disk"));
    // As a dev server's reconciler does for a test run that died.
    const other = new DockerDriver({
      dockerHost: loadConfig().docker.host,
      stateDir: mkdtempSync(join(tmpdir(), "slipway-other-")),
      cacheDir: loadConfig().cacheDir,
      facts: hostFacts(),
    });
    await other.destroy(s2.id);
    expect(readFileSync("/proc/mounts", "utf8")).not.toContain(join(dir, "disk"));
    expect(existsSync(dir)).toBe(false);
  });

  it("unmounts and deletes the disk when the session stops", async () => {
    const dir = join(stateDir, "sandboxes", s.id);
    expect(readFileSync("/proc/mounts", "utf8")).toContain(join(dir, "disk"));
    await t.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token);
    expect(readFileSync("/proc/mounts", "utf8")).not.toContain(join(dir, "disk"));
    expect(existsSync(join(dir, "disk.img"))).toBe(false);
  });
});
