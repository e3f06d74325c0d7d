// Integration tests need what `npm start` sets up: the engine, the image catalog and the
// mirror. Both paths call the same setup, so a missing step fails the tests too.
import { loadConfig } from "../server/src/config.ts";
import { setupHost } from "../server/src/sandbox/docker/setup/host-setup.ts";
import { consoleProgress } from "../server/src/sandbox/docker/setup/progress.ts";

export default async function setup(): Promise<void> {
  const config = loadConfig();
  await setupHost({
    dockerHost: config.docker.host,
    installEngine: config.docker.installEngine,
    privileged: config.docker.privileged,
    stateDir: config.stateDir,
    imagesDir: `${config.repoRoot}/docker/images`,
    mirrorPort: config.mirror.port,
    mirrorUpstream: config.mirror.upstream,
    env: config.childEnv,
    progress: consoleProgress((l) => console.log(l)),
  });
}
