// Picks and prepares the sandbox driver named in the config. Preparing a driver may take
// minutes on a fresh machine (engine install, image builds), so it reports progress.
import type { Config } from "../config.ts";
import { DockerDriver } from "./docker/docker-driver.ts";
import { type HostFacts, type HostSetupOptions, setupHost } from "./docker/setup/host-setup.ts";
import type { Progress } from "./docker/setup/progress.ts";
import type { SandboxDriver } from "./sandbox-driver.ts";

/** Host setup as the config asks for it: `npm start`, the tests and the benches share it. */
export function hostSetupOptions(config: Config, progress: Progress): HostSetupOptions {
  return {
    dockerHost: config.docker.host,
    installEngine: config.docker.installEngine,
    privileged: config.docker.privileged,
    stateDir: config.stateDir,
    cacheDir: config.cacheDir,
    imagesDir: `${config.repoRoot}/docker/images`,
    mirrorPort: config.mirror.port,
    mirrorUpstream: config.mirror.upstream,
    env: config.childEnv,
    progress,
  };
}

export const setupHostFor = (config: Config, progress: Progress): Promise<HostFacts> =>
  setupHost(hostSetupOptions(config, progress));

export async function createDriver(config: Config, progress: Progress): Promise<SandboxDriver> {
  return dockerDriverFor(config, await setupHostFor(config, progress));
}

/** The Docker driver on a host whose setup already ran (the test suite's global setup ran it
 *  once; every test app and lab runtime then starts from its facts, not a setup of its own). */
export function dockerDriverFor(config: Config, facts: HostFacts): DockerDriver {
  return new DockerDriver({
    dockerHost: config.docker.host,
    stateDir: config.stateDir,
    cacheDir: config.cacheDir,
    facts,
    subnetRange: config.sandbox.subnet,
  });
}
