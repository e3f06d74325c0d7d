// `npm start`: set up the host, then serve. Sessions survive this process: stopping or
// killing it leaves learners' sandboxes running, and the next start adopts them.
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { createLog } from "./logger.ts";
import { createDriver } from "./sandbox/create-driver.ts";
import { consoleProgress } from "./sandbox/docker/setup/progress.ts";
import { SqliteSessionStore } from "./sessions/sqlite-session-store.ts";
import { SqliteActivityLog } from "./audit/sqlite-activity-log.ts";
import { createLabProvider } from "./labs/create-lab-provider.ts";
import { SqliteProgressStore } from "./progress/sqlite-progress-store.ts";
import { SqliteTokenStore } from "./sessions/sqlite-token-store.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const started = Date.now();
  const driver = await createDriver(
    config,
    consoleProgress((l) => console.log(l)),
  );
  const store = new SqliteSessionStore(config.dbFile);
  const app = createApp(config, {
    driver,
    store,
    labs: createLabProvider(config.labsDir, log),
    progress: new SqliteProgressStore(config.dbFile),
    activity: new SqliteActivityLog(config.dbFile),
    tokens: new SqliteTokenStore(config.dbFile),
    log,
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
