// The engine image's engine-restarts.sh decides, from dockerd's own files, which containers a
// resume restarts (dockerd runs with --restart=false). Run here on fixtures with the host's jq.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const script = join(import.meta.dirname, "../../../../docker/images/engine/engine-restarts.sh");
const hasJq = spawnSync("jq", ["--version"]).status === 0;
const id = (c: string) => c.repeat(64);

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function container(c: string, config: object, host: object): void {
  mkdirSync(join(dir, id(c)));
  writeFileSync(join(dir, id(c), "config.v2.json"), JSON.stringify({ ID: id(c), ...config }));
  writeFileSync(join(dir, id(c), "hostconfig.json"), JSON.stringify(host));
}

const restarts = () => execFileSync("sh", [script, dir]).toString().trim().split("\n").filter(Boolean);

describe.skipIf(!hasJq)("engine-restarts.sh", () => {
  it("lists what dockerd's restart manager would restart at its start, and nothing else", () => {
    dir = mkdtempSync(join(tmpdir(), "slipway-restarts-"));
    const stopped = { State: { Running: false, ExitCode: 0 } };
    container("a", stopped, { RestartPolicy: { Name: "always" } });
    container(
      "b",
      { ...stopped, HasBeenManuallyStopped: true },
      { RestartPolicy: { Name: "unless-stopped" } },
    );
    container("c", stopped, { RestartPolicy: { Name: "unless-stopped" }, Links: ["/a:/c/a"] });
    // Still marked running: it died with the engine, a failure.
    const retry = { RestartPolicy: { Name: "on-failure", MaximumRetryCount: 2 } };
    container("d", { State: { Running: true, ExitCode: 0 }, RestartCount: 1 }, retry);
    container("e", { State: { Running: false, ExitCode: 1 }, RestartCount: 2 }, retry);
    container("f", stopped, { RestartPolicy: { Name: "on-failure" } });
    container("0", stopped, { RestartPolicy: { Name: "no" } });
    container("1", { State: { Running: false, Dead: true } }, { RestartPolicy: { Name: "always" } });
    expect(restarts().sort()).toEqual([`${id("a")} plain`, `${id("c")} linked`, `${id("d")} plain`]);
  });

  it("fails, so dockerd restarts them itself, when a container's files cannot be read", () => {
    dir = mkdtempSync(join(tmpdir(), "slipway-restarts-"));
    container("a", { State: {} }, { RestartPolicy: { Name: "always" } });
    writeFileSync(join(dir, id("a"), "hostconfig.json"), "{not json");
    expect(spawnSync("sh", [script, dir]).status).not.toBe(0);
  });

  it("lists nothing for an engine that has no containers yet", () => {
    dir = join(tmpdir(), "slipway-restarts-none");
    expect(restarts()).toEqual([]);
  });
});
