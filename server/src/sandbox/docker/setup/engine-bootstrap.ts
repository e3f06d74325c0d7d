// Finds a Docker engine, or on a root Debian/Ubuntu machine with none, installs Debian's
// docker.io and starts dockerd in the background. Anything else fails with what to do.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SlipwayError } from "../../../errors.ts";
import { type DockerCli, dockerCli, runCommand } from "./docker-cli.ts";
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
  if (!(await onPath("dockerd", o.env))) await installDockerIo(o);
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

function cannotInstall(allowed: boolean): string | undefined {
  if (!allowed) return "SLIPWAY_INSTALL_ENGINE=false";
  if (process.getuid?.() !== 0) return "not running as root";
  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  if (!/^ID(_LIKE)?=.*(debian|ubuntu)/m.test(osRelease)) return "not a Debian or Ubuntu machine";
  return undefined;
}

async function onPath(cmd: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return (await runCommand("sh", ["-c", `command -v ${cmd}`], env)).code === 0;
}

async function installDockerIo(o: EngineOptions): Promise<void> {
  o.progress.step("installing docker.io and iptables with apt (about 30 s)");
  const env = { ...o.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "--no-install-recommends", "docker.io", "iptables"],
  ]) {
    const r = await runCommand("apt-get", args, env);
    if (r.code !== 0)
      throw new SlipwayError(
        "unavailable",
        `apt-get ${args.join(" ")} failed:\n${r.stderr.trim().slice(-2000)}`,
      );
  }
}

function startDockerd(stateDir: string): void {
  mkdirSync(stateDir, { recursive: true });
  const log = openSync(join(stateDir, "dockerd.log"), "a");
  // Detached: the engine outlives this process, as a system service would.
  spawn("dockerd", [], { detached: true, stdio: ["ignore", log, log] }).unref();
}
