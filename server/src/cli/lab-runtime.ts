// The live half of `slipway lab test|dev`: an in-process Slipway built by the same
// composition root as `npm start`, with the same host setup (cached: seconds when warm), but
// its own throwaway database and instance name, so it never touches a running server's
// sandboxes. close() stops every session it started and sweeps whatever its instance left.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { App } from "../app.ts";
import { type Config, loadConfig } from "../config.ts";
import { LabCatalog } from "../labs/lab-catalog.ts";
import type { Log } from "../logger.ts";
import { openApp } from "../open-app.ts";
import { dockerDriverFor } from "../sandbox/create-driver.ts";
import type { HostFacts } from "../sandbox/docker/setup/host-setup.ts";
import { consoleProgress } from "../sandbox/docker/setup/progress.ts";
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";
import { AppSessionRunner } from "./app-session-runner.ts";
import { ephemeralInstance } from "../sessions/reconcile/ephemeral-instance.ts";

export interface LabRuntimeOptions {
  readonly labPaths: readonly string[];
  /** dev: live checks on, setup run by the session. test: the tester runs and reports setup. */
  readonly mode: "test" | "dev";
  /** Setup progress and warnings, for a person (stderr, so --json stays clean). */
  readonly say: (line: string) => void;
  /** Sessions that may run at once (lab test --jobs); more would be queued, not started. */
  readonly maxSessions?: number;
}

export interface LabRuntime {
  readonly app: App;
  readonly url: string;
  readonly catalog: LabCatalog;
  readonly runner: AppSessionRunner;
  close(): Promise<void>;
}

export type OpenLabRuntime = (o: LabRuntimeOptions) => Promise<LabRuntime>;

/** `facts`: a host whose setup already ran (the test suite's), so none runs again. */
export function labRuntimeOpener(base: Config, facts?: HostFacts): OpenLabRuntime {
  return async (o) => {
    const dir = mkdtempSync(join(tmpdir(), `slipway-lab-${o.mode}-`));
    const config = loadConfig(
      {
        ...base.childEnv,
        SLIPWAY_DB: join(dir, "slipway.db"),
        SLIPWAY_INSTANCE: ephemeralInstance(`lab-${o.mode}`),
        SLIPWAY_HOST: "127.0.0.1",
        SLIPWAY_PORT: "0",
        SLIPWAY_POOL_SIZE: "0",
        SLIPWAY_POOL_MEMORY_MIB: "0",
        ...(o.maxSessions ? { SLIPWAY_MAX_SESSIONS: String(o.maxSessions) } : {}),
      },
      base.repoRoot,
    );
    const log: Log = (level, msg, data) =>
      level === "warn" || level === "error"
        ? o.say(`${level}: ${msg} ${data ? JSON.stringify(data) : ""}`)
        : undefined;
    const catalog = LabCatalog.fromPaths(o.labPaths, log, { setup: o.mode === "dev" });
    const app = await openApp(config, {
      ...(facts ? { driver: dockerDriverFor(config, facts) } : {}),
      labs: catalog,
      log,
      liveChecks: o.mode === "dev",
      setup: consoleProgress(o.say),
    });
    const url = await app.start();
    const runner = new AppSessionRunner(app, app.driver, (lab, id) => catalog.bind(lab, id));
    return {
      app,
      url,
      catalog,
      runner,
      async close() {
        await runner.stopAll();
        await app.close();
        await sweep(app.driver, config.instance);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

/** Anything of this instance still there (a session that failed half-way) goes too. */
async function sweep(driver: SandboxDriver, instance: string): Promise<void> {
  for (const m of await driver.listManaged({ instance })) await driver.destroy(m.id).catch(() => undefined);
}
