// Browser tests need the client bundle and a Chromium: build the one (skipped when the
// sources are unchanged) and install the other from Debian's packages when missing, the same
// way setup installs the engine. The test app serves client/dist once it exists.
import { buildClient } from "../../scripts/build-client.ts";
import { loadConfig } from "../../server/src/config.ts";
import { ensureHostTools } from "../../server/src/sandbox/docker/setup/host-packages.ts";
import { consoleProgress } from "../../server/src/sandbox/docker/setup/progress.ts";

export default async function setup(): Promise<void> {
  const config = loadConfig();
  const progress = consoleProgress((l) => console.log(l));
  await ensureHostTools([{ command: "chromium", packages: ["chromium"] }], {
    installAllowed: config.docker.installEngine,
    env: { ...config.childEnv },
    progress,
  });
  const client = await buildClient(config.repoRoot);
  progress.done(client.built ? `client built in ${client.ms} ms` : "client bundle up to date");
}
