// Host tools Slipway's setup runs (dockerd, debootstrap). On a root Debian/Ubuntu machine a
// missing one is installed with apt; anywhere else the error says exactly what to install,
// because a fresh clone must get from `npm start` to a URL with no manual step.
import { existsSync, readFileSync } from "node:fs";
import { SlipwayError } from "../../../errors.ts";
import { runCommand } from "./docker-cli.ts";
import type { Progress } from "./progress.ts";

/** A command setup needs, and the Debian packages that provide it (and what it needs). */
export interface HostTool {
  readonly command: string;
  readonly packages: readonly string[];
}

export interface HostPackageOptions {
  readonly installAllowed: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly progress: Progress;
}

export async function onPath(cmd: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  return (await runCommand("sh", ["-c", 'command -v "$1"', "sh", cmd], env)).code === 0;
}

/** Why apt cannot be used here, or undefined when it can. */
export function cannotInstall(allowed: boolean): string | undefined {
  if (!allowed) return "SLIPWAY_INSTALL_ENGINE=false";
  if (process.getuid?.() !== 0) return "not running as root";
  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  if (!/^ID(_LIKE)?=.*(debian|ubuntu)/m.test(osRelease)) return "not a Debian or Ubuntu machine";
  return undefined;
}

/** Installs the packages of every missing tool in one apt run; throws with what to do. */
export async function ensureHostTools(tools: readonly HostTool[], o: HostPackageOptions): Promise<void> {
  const missing: HostTool[] = [];
  for (const t of tools) if (!(await onPath(t.command, o.env))) missing.push(t);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap((t) => t.packages))];
  const why = cannotInstall(o.installAllowed);
  if (why)
    throw new SlipwayError(
      "unavailable",
      `${missing.map((t) => t.command).join(", ")} not found, and Slipway cannot install it (${why}). ` +
        `Install it (Debian/Ubuntu: apt-get install ${packages.join(" ")}) and rerun.`,
    );
  o.progress.step(`installing ${packages.join(", ")} with apt`);
  const env = { ...o.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "--no-install-recommends", ...packages],
  ]) {
    const r = await runCommand("apt-get", args, env);
    if (r.code !== 0)
      throw new SlipwayError(
        "unavailable",
        `apt-get ${args.join(" ")} failed:\n${r.stderr.trim().slice(-2000)}`,
      );
  }
}
