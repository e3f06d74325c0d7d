// `npm start`: set up the host, then serve. Sessions survive this process: stopping or
// killing it leaves learners' sandboxes running (or paused), and the next start adopts them.
import { ConfigError, loadConfig } from "./config.ts";
import { createLog } from "./logger.ts";
import { openApp } from "./open-app.ts";
import { consoleProgress } from "./sandbox/docker/setup/progress.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const app = await openApp(config, {
    log: createLog(config.logLevel),
    setup: consoleProgress((l) => console.log(l)),
  });
  const url = await app.start();
  console.log(`\nSlipway is ready in ${((Date.now() - started) / 1000).toFixed(1)}s: ${url}\n`);
  // Sessions live on in their sandboxes; a close that stalls (a stuck socket) must not keep
  // the old process, and its reconciler, alive next to a new one.
  const shutdown = () => {
    setTimeout(() => process.exit(0), 5000).unref();
    void app.close().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`slipway: configuration error: ${e.message}`);
  else console.error(`slipway: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
