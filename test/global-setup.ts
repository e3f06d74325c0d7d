// Integration tests need what `npm start` sets up: the engine, the image catalog and the
// mirror. Both paths call the same setup, so a missing step fails the tests too.
import { loadConfig } from "../server/src/config.ts";
import { setupHostFor } from "../server/src/sandbox/create-driver.ts";
import { consoleProgress } from "../server/src/sandbox/docker/setup/progress.ts";

export default async function setup(): Promise<void> {
  await setupHostFor(
    loadConfig(),
    consoleProgress((l) => console.log(l)),
  );
}
