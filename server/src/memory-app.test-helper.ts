// A whole Slipway in memory for unit tests: openApp with the memory driver and stores, the
// fixture labs, and a clock the test moves. Routes are called over real HTTP on a loopback
// port; the reconciler's pass is run by the test (tick), not by a timer.
import { join, resolve } from "node:path";
import type { App } from "./app.ts";
import { MemoryAttemptStore } from "./assessments/attempts/memory-attempt-store.ts";
import { MemoryClassStore } from "./classes/memory-class-store.ts";
import { MemoryDeliveryStore } from "./classes/memory-delivery-store.ts";
import { MemoryActivityLog } from "./audit/memory-activity-log.ts";
import { type Config, loadConfig } from "./config.ts";
import { LabCatalog } from "./labs/lab-catalog.ts";
import { MemoryLearnerStore } from "./learners/memory-learner-store.ts";
import { silentLog } from "./logger.ts";
import { openApp } from "./open-app.ts";
import { MemoryProgressStore } from "./progress/memory-progress-store.ts";
import { MemoryDriver } from "./sandbox/memory/memory-driver.ts";
import { MemoryTokenStore } from "./sessions/access/memory-token-store.ts";
import { MemorySessionStore } from "./sessions/store/memory-session-store.ts";

const REPO = resolve(import.meta.dirname, "../..");
const FIXTURES = join(REPO, "test/fixtures/labs");

export class FakeClock {
  constructor(public t = Date.UTC(2030, 0, 1)) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface MemoryApp {
  readonly app: App;
  readonly url: string;
  readonly config: Config;
  readonly driver: MemoryDriver;
  readonly store: MemorySessionStore;
  readonly clock: FakeClock;
  /** One JSON call; `headers` adds to the defaults (JSON body). */
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    o?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
  /** As kill -9 would leave it: no more requests or reconciling, work in flight abandoned,
   *  nothing cleaned up. */
  crash(): void;
}

export interface MemoryAppOptions {
  readonly env?: Record<string, string>;
  /** Reuse these (a "restarted" server over the same state). */
  readonly driver?: MemoryDriver;
  readonly store?: MemorySessionStore;
  readonly clock?: FakeClock;
  readonly learners?: MemoryLearnerStore;
  readonly progress?: MemoryProgressStore;
  readonly tokens?: MemoryTokenStore;
  readonly attempts?: MemoryAttemptStore;
  readonly classes?: MemoryClassStore;
}

export async function startMemoryApp(o: MemoryAppOptions = {}): Promise<MemoryApp> {
  const config = loadConfig(
    {
      SLIPWAY_PORT: "0",
      SLIPWAY_POOL_SIZE: "0",
      SLIPWAY_POOL_MEMORY_MIB: "0",
      SLIPWAY_INSTANCE: "memory-test",
      SLIPWAY_SESSION_TTL: "2h",
      SLIPWAY_IDLE_TIMEOUT: "30m",
      SLIPWAY_RECONCILE_INTERVAL: "1h",
      SLIPWAY_STATE_DIR: "/nonexistent-memory-app",
      ...o.env,
    },
    REPO,
  );
  const driver = o.driver ?? new MemoryDriver();
  const store = o.store ?? new MemorySessionStore();
  const clock = o.clock ?? new FakeClock();
  const app = await openApp(config, {
    driver,
    store,
    clock: clock.now,
    labs: LabCatalog.fromPaths([FIXTURES], silentLog),
    progress: o.progress ?? new MemoryProgressStore(),
    activity: new MemoryActivityLog(),
    learners: o.learners ?? new MemoryLearnerStore(),
    tokens: o.tokens ?? new MemoryTokenStore(),
    attempts: o.attempts ?? new MemoryAttemptStore(),
    classes: o.classes ?? new MemoryClassStore(),
    deliveries: new MemoryDeliveryStore(),
    // The tests' receiver is on loopback.
    webhookPolicy: { attempts: 4, firstRetryMs: 50, timeoutMs: 2_000, allowPrivate: true },
    log: silentLog,
  });
  const url = await app.start();
  let crashed = false;
  return {
    app,
    url,
    config,
    driver,
    store,
    clock,
    async call(method, path, c = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
          ...c.headers,
        },
        body: c.body === undefined ? undefined : JSON.stringify(c.body),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: (text ? JSON.parse(text) : undefined) as never,
        headers: res.headers,
      };
    },
    crash() {
      crashed = true;
      app.reconciler.stopInterval();
      app.server.closeAllConnections();
      app.server.close();
    },
    async close() {
      if (crashed) {
        // Its work in flight never ends: nothing to wait for, only the driver to remove.
        if (!o.driver) await driver.close();
        return;
      }
      await app.sessions.settle();
      await app.close();
      if (!o.driver) await driver.close();
    },
  };
}

/** Headers Slipway's own page sends: its origin and its client marker. */
export const OWN_PAGE = { "x-slipway-client": "1", "sec-fetch-site": "same-origin" };

/** A browser on Slipway's page: it keeps the identity cookie it is given and sends it back. */
export function cookieBrowser(m: MemoryApp) {
  let cookie: string | undefined;
  return {
    get cookie() {
      return cookie;
    },
    async call<T>(method: string, path: string, body?: unknown) {
      const r = await m.call<T>(method, path, {
        body,
        headers: { ...OWN_PAGE, ...(cookie ? { cookie: `slipway_learner=${cookie}` } : {}) },
      });
      cookie = /slipway_learner=([^;]+)/.exec(r.headers.get("set-cookie") ?? "")?.[1] ?? cookie;
      return r;
    },
  };
}
