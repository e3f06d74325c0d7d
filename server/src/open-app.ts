// Opens a Slipway: the driver named in the config (prepared: host setup, cached), SQLite
// stores in its database, its labs folder, then createApp. `npm start`, `slipway lab
// test|dev` and the test apps all come through here; an override replaces one part (an
// in-memory driver or store, another lab catalog, a fake clock), so none of them wires the
// parts again.
import { type App, type AppDeps, createApp } from "./app.ts";
import { SqliteAttemptStore } from "./assessments/attempts/sqlite-attempt-store.ts";
import { SqliteClassStore } from "./classes/sqlite-class-store.ts";
import { SqliteDeliveryStore } from "./classes/sqlite-delivery-store.ts";
import { SqliteActivityLog } from "./audit/sqlite-activity-log.ts";
import type { Config } from "./config.ts";
import { createLabProvider } from "./labs/create-lab-provider.ts";
import { SqliteLearnerStore } from "./learners/sqlite-learner-store.ts";
import { createLog } from "./logger.ts";
import { SqliteProgressStore } from "./progress/sqlite-progress-store.ts";
import { createDriver } from "./sandbox/create-driver.ts";
import { type Progress, silentProgress } from "./sandbox/docker/setup/progress.ts";
import { SqliteTokenStore } from "./sessions/access/sqlite-token-store.ts";
import { SqliteSessionStore } from "./sessions/store/sqlite-session-store.ts";

export interface AppOverrides extends Partial<AppDeps> {
  /** Host setup's progress, for a person (only when no driver is given). */
  readonly setup?: Progress;
}

export async function openApp(config: Config, o: AppOverrides = {}): Promise<App> {
  const log = o.log ?? createLog(config.logLevel);
  const driver = o.driver ?? (await createDriver(config, o.setup ?? silentProgress));
  return createApp(config, {
    ...o,
    driver,
    log,
    store: o.store ?? new SqliteSessionStore(config.dbFile, { maxTtlMs: config.sessions.maxTtlMs }),
    labs: o.labs ?? createLabProvider(config.labsDir, log),
    progress: o.progress ?? new SqliteProgressStore(config.dbFile),
    activity: o.activity ?? new SqliteActivityLog(config.dbFile),
    learners: o.learners ?? new SqliteLearnerStore(config.dbFile),
    tokens: o.tokens ?? new SqliteTokenStore(config.dbFile),
    attempts: o.attempts ?? new SqliteAttemptStore(config.dbFile),
    classes: o.classes ?? new SqliteClassStore(config.dbFile),
    deliveries: o.deliveries ?? new SqliteDeliveryStore(config.dbFile),
  });
}
