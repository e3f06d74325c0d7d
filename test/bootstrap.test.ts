// The host setup that `npm start` and these tests share: idempotent, and clear when it can't work.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import { ensureEngine } from "../server/src/sandbox/docker/setup/engine-bootstrap.ts";
import { setupHost } from "../server/src/sandbox/docker/setup/host-setup.ts";
import { hostSetupOptions } from "../server/src/sandbox/create-driver.ts";
import { silentProgress } from "../server/src/sandbox/docker/setup/progress.ts";
import { mirrorContainer } from "../server/src/sandbox/docker/setup/registry-mirror.ts";

const config = loadConfig();
const options = hostSetupOptions(config, silentProgress);
// Image ids sorted: images made in the same second list in no stable order.
const snapshot = () =>
  execFileSync("docker", [
    "inspect",
    "--format",
    "{{.Id}} {{.State.StartedAt}}",
    mirrorContainer(config.mirror.port),
  ])
    .toString()
    .concat(
      execFileSync("docker", ["images", "-q", "--no-trunc", "slipway/*"])
        .toString()
        .split("\n")
        .sort()
        .join("\n"),
    );

describe("host setup", () => {
  it("changes nothing when run again on a ready host", async () => {
    const before = snapshot();
    const lines: string[] = [];
    await setupHost({
      ...options,
      progress: { step: (m) => lines.push(m), detail: (m) => lines.push(m), done: (m) => lines.push(m) },
    });
    expect(snapshot()).toBe(before);
    expect(lines.join("\n")).toMatch(/images ready: \d+ \(0 built, \d+ cached\)/);
    expect(lines.join("\n")).toContain("mirror seeded (0 tags pushed)");
  });

  it("fails with a clear message when DOCKER_HOST names an engine that is not there", async () => {
    await expect(ensureEngine({ ...options, dockerHost: "tcp://127.0.0.1:1" })).rejects.toThrow(
      /No Docker engine answers at DOCKER_HOST=tcp:\/\/127.0.0.1:1\. Start that engine, fix DOCKER_HOST, or unset it/,
    );
  });
});
