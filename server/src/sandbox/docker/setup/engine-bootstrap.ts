// Finds a Docker engine, or on a root Debian/Ubuntu machine with none, installs Debian's
// docker.io and starts dockerd in the background. Anything else fails with what to do.
import { spawn } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { SlipwayError } from "../../../errors.ts";
import { type DockerCli, dockerCli } from "./docker-cli.ts";
import { cannotInstall, ensureHostTools } from "./host-packages.ts";
import type { Progress } from "./progress.ts";

export interface EngineOptions {
  readonly dockerHost: string | undefined;
  readonly installEngine: boolean;
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly progress: Progress;
}

export async function ensureEngine(o: EngineOptions): Promise<{ cli: DockerCli; version: string }> {
  const cli = dockerCli(o.dockerHost, o.env);
  const version = await engineVersion(cli);
  if (version) return { cli, version };
  if (o.dockerHost) {
    throw new SlipwayError(
      "unavailable",
      `No Docker engine answers at DOCKER_HOST=${o.dockerHost}. Start that engine, fix DOCKER_HOST, or unset it to use the local engine.`,
    );
  }
  const why = cannotInstall(o.installEngine);
  if (why) {
    throw new SlipwayError(
      "unavailable",
      `No Docker engine answers at /var/run/docker.sock, and Slipway cannot install one (${why}). ` +
        "Install Docker Engine (Debian/Ubuntu: apt-get install docker.io iptables), start dockerd, or set DOCKER_HOST.",
    );
  }
  await ensureHostTools([{ command: "dockerd", packages: ["docker.io", "iptables"] }], {
    installAllowed: o.installEngine,
    env: o.env,
    progress: o.progress,
  });
  startDockerd(o.stateDir);
  o.progress.step(`started dockerd (log: ${join(o.stateDir, "dockerd.log")})`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const v = await engineVersion(cli);
    if (v) return { cli, version: v };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new SlipwayError(
    "unavailable",
    `dockerd did not answer within 60 s: see ${join(o.stateDir, "dockerd.log")}`,
  );
}

async function engineVersion(cli: DockerCli): Promise<string | undefined> {
  const r = await cli.run(["version", "--format", "{{.Server.Version}}"]);
  return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

function startDockerd(stateDir: string): void {
  mkdirSync(stateDir, { recursive: true });
  const log = openSync(join(stateDir, "dockerd.log"), "a");
  // Detached: the engine outlives this process, as a system service would.
  spawn("dockerd", [], { detached: true, stdio: ["ignore", log, log] }).unref();
}
