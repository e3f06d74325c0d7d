// A real Slipway app for integration tests: the real Docker driver and engine, a throwaway
// session database, an ephemeral port. Opened like `npm start` (openApp), with the host
// setup that the tests' global setup already ran read from its facts file.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { App } from "../../server/src/app.ts";
import { loadConfig } from "../../server/src/config.ts";
import { silentLog } from "../../server/src/logger.ts";
import { type AppOverrides, openApp } from "../../server/src/open-app.ts";
import { dockerDriverFor } from "../../server/src/sandbox/create-driver.ts";
import type { DockerDriver } from "../../server/src/sandbox/docker/docker-driver.ts";
import type { HostFacts } from "../../server/src/sandbox/docker/setup/host-setup.ts";
import { ephemeralInstance } from "../../server/src/sessions/reconcile/ephemeral-instance.ts";

export interface TestApp {
  readonly app: App;
  readonly url: string;
  readonly driver: DockerDriver;
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }>;
  startSession(lab?: string): Promise<{ id: string; token: string }>;
  exec(
    s: { id: string; token: string },
    script: string,
    timeoutMs?: number,
  ): Promise<{ exitCode: number | null; stdout: string; stderr: string }>;
  /** Stops every session it holds (paused ones too), then closes. */
  close(): Promise<void>;
  /** Closes as `npm start` does on SIGTERM: the sessions live on, for the next server. */
  closeServer(): Promise<void>;
}

export function hostFacts(): HostFacts {
  const config = loadConfig();
  return JSON.parse(readFileSync(join(config.stateDir, "host.json"), "utf8")) as HostFacts;
}

export async function startTestApp(
  env: Record<string, string> = {},
  overrides: Pick<AppOverrides, "gatewayLimits" | "clock" | "log"> = {},
): Promise<TestApp> {
  // An instance and a database of its own: a test app reaps only what it made, never a dev
  // server's sandboxes.
  const config = loadConfig({
    ...process.env,
    SLIPWAY_PORT: "0",
    SLIPWAY_POOL_SIZE: "0",
    SLIPWAY_POOL_MEMORY_MIB: "0",
    SLIPWAY_INSTANCE: ephemeralInstance("test"),
    SLIPWAY_DB: join(mkdtempSync(join(tmpdir(), "slipway-test-")), "slipway.db"),
    ...env,
  });
  const driver = dockerDriverFor(config, hostFacts());
  const app = await openApp(config, { driver, log: silentLog, ...overrides });
  const url = await app.start();
  const api: TestApp["api"] = async (method, path, body, token) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as never };
  };
  return {
    app,
    url,
    driver,
    api,
    async startSession(lab = "playground") {
      const r = await api<{ id: string; token: string; state: string; reason?: string }>(
        "POST",
        "/api/sessions",
        { lab },
      );
      if (r.status !== 201 || r.body.state !== "ready")
        throw new Error(`session did not start: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async exec(s, script, timeoutMs = 60_000) {
      const r = await api<{ exitCode: number | null; stdout: string; stderr: string }>(
        "POST",
        `/api/sessions/${s.id}/exec`,
        { cmd: ["bash", "-c", script], timeoutMs },
        s.token,
      );
      if (r.status !== 200) throw new Error(`exec failed: ${JSON.stringify(r.body)}`);
      return r.body;
    },
    closeServer: () => app.close(),
    async close() {
      // Every session, not only those started here: a queued one promoted in the background
      // would otherwise outlive the test.
      await app.sessions.settle();
      for (const id of app.sessions.activeIds()) await app.sessions.stop(id).catch(() => undefined);
      await app.close();
    },
  };
}
