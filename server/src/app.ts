// The composition root: every subsystem is built here from the config and the injected
// dependencies. Nothing else constructs a driver, store or manager.
import express from "express";
import { existsSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { ActivityLog } from "./audit/activity-log.ts";
import { MemoryActivityLog } from "./audit/memory-activity-log.ts";
import type { Config } from "./config.ts";
import { EngineGateway } from "./gateway/engine-gateway.ts";
import type { GatewayLimits } from "./gateway/gateway-limits.ts";
import { type Allowances, allowancesOf } from "./gateway/policy/allowances.ts";
import { isSlipwayError } from "./errors.ts";
import { errorHandler } from "./http/error-handler.ts";
import { fileRoutes } from "./http/file-routes.ts";
import { healthRoute } from "./http/health-route.ts";
import { labEventsRoute } from "./http/lab-events-route.ts";
import { labRoutes } from "./http/lab-routes.ts";
import { portProxy } from "./http/port-proxy.ts";
import { sessionRoutes } from "./http/session-routes.ts";
import type { LabCatalog } from "./labs/lab-catalog.ts";
import type { Log } from "./logger.ts";
import { MemoryProgressStore } from "./progress/memory-progress-store.ts";
import { ProgressService } from "./progress/progress-service.ts";
import type { ProgressStore } from "./progress/progress-store.ts";
import type { SandboxDriver } from "./sandbox/sandbox-driver.ts";
import { SessionManager } from "./sessions/session-manager.ts";
import { observeSessionStore } from "./sessions/observed-session-store.ts";
import { DiskGuard } from "./sessions/disk-guard.ts";
import { SessionReconciler } from "./sessions/session-reconciler.ts";
import type { SessionStore } from "./sessions/session-store.ts";
import { attachTerminalServer } from "./terminal/terminal-server.ts";
import { WorkspaceFiles } from "./workspace/workspace-files.ts";

export interface AppDeps {
  readonly driver: SandboxDriver;
  readonly store: SessionStore;
  readonly labs: LabCatalog;
  readonly log: Log;
  readonly clock?: () => number;
  /** The gateway's audit trail; in memory unless the caller keeps it (main.ts does). */
  readonly activity?: ActivityLog;
  /** Tests shorten the gateway's timeouts; the defaults suit real builds. */
  readonly gatewayLimits?: Partial<GatewayLimits>;
  /** Learners' lab progress; in memory unless the caller keeps it (main.ts does). */
  readonly progress?: ProgressStore;
  /** Re-check labs on every sandbox change (default true; `lab test` checks on its own). */
  readonly liveChecks?: boolean;
}

export interface App {
  readonly server: Server;
  readonly sessions: SessionManager;
  readonly reconciler: SessionReconciler;
  readonly activity: ActivityLog;
  readonly progress: ProgressService;
  /** Adopts surviving sessions, starts the reconcile loop and listens; resolves to the URL. */
  start(): Promise<string>;
  close(): Promise<void>;
}

export function createApp(config: Config, deps: AppDeps): App {
  const clock = deps.clock ?? Date.now;
  const activity = deps.activity ?? new MemoryActivityLog();
  const progressStore = deps.progress ?? new MemoryProgressStore();
  // Every status move reaches live checks and event streams, whoever made it.
  const store = observeSessionStore(deps.store, (s) => progress.sessionChanged(s));
  const gateway = new EngineGateway({
    connectEngine: (ref) => deps.driver.connectEngine(ref),
    onActivity: (id) => {
      sessions.touch(id);
      progress.learnerActive(id);
    },
    // Looked up per session on first need, so gateways re-opened at boot get it too.
    policyFor: async (id): Promise<Allowances> =>
      allowancesOf((await deps.labs.get(sessions.get(id).lab))?.policy ?? []),
    resolveEnginePaths: (ref, paths, roots) => deps.driver.resolveEnginePaths(ref, paths, roots),
    record: (id, entry) => activity.append(id, entry),
    onError: (id, error) => deps.log("warn", "gateway error", { id, error: String(error) }),
    limits: deps.gatewayLimits,
  });
  const sessions = new SessionManager({
    onStopped: (id) => (void terminals.hub.closeSession(id), progress.detach(id)),
    driver: deps.driver,
    store,
    gateway,
    labs: deps.labs,
    clock,
    stateDir: config.stateDir,
    instance: config.instance,
    limits: config.sandbox,
    policy: config.sessions,
    diskLow: (): boolean => diskGuard.lowOnDisk,
    log: deps.log,
  });
  const diskGuard: DiskGuard = new DiskGuard({
    driver: deps.driver,
    isActiveSession: (id): boolean => sessions.isActive(id),
    stop: (id, reason) => sessions.stop(id, reason),
    log: deps.log,
  });
  let diskTimer: NodeJS.Timeout | undefined;
  const progress = new ProgressService({
    sessions,
    listSessions: () => store.list(),
    labs: deps.labs,
    driver: deps.driver,
    activity,
    store: progressStore,
    clock,
    log: deps.log,
    live: deps.liveChecks ?? true,
  });
  const reconciler = new SessionReconciler({
    driver: deps.driver,
    store,
    gateway,
    sessions,
    clock,
    instance: config.instance,
    idleMs: config.sessions.idleMs,
    poolMaxAgeMs: 86_400_000,
    log: deps.log,
  });

  const app = express();
  app.disable("x-powered-by");
  app.use("/api/sessions", portProxy(sessions, deps.driver));
  app.use(express.json({ limit: "256kb" }));
  app.use(
    "/api",
    healthRoute(deps.driver, () => ({ sessions: { active: sessions.activeCount() } })),
  );
  app.use("/api/sessions", sessionRoutes(sessions, activity));
  app.use("/api/sessions", fileRoutes(sessions, new WorkspaceFiles(deps.driver)));
  app.use("/api", labRoutes(deps.labs, sessions, progress), labEventsRoute(sessions, progress));
  app.use(
    "/api",
    (_req, res) => void res.status(404).json({ error: { code: "not-found", message: "no such API route" } }),
  );
  const clientDir = join(config.repoRoot, "client", "dist");
  if (existsSync(clientDir)) app.use(express.static(clientDir));
  app.use(errorHandler((msg, data) => deps.log("error", msg, data)));
  const server = createServer(app);
  const terminals = attachTerminalServer(server, {
    authorize: async (id, token) => {
      try {
        sessions.authorize(id, token);
        return { ref: sessions.ready(id) };
      } catch (e) {
        return isSlipwayError(e) && e.code === "forbidden" ? "forbidden" : "not-found";
      }
    },
    driver: deps.driver,
    onActivity: (id) => {
      sessions.touch(id);
      progress.learnerActive(id);
    },
    log: { info: (o, m) => deps.log("info", m, o), warn: (o, m) => deps.log("warn", m, o) },
  });

  return {
    server,
    sessions,
    reconciler,
    activity,
    progress,
    async start() {
      await reconciler.boot();
      await progress.adoptAll();
      reconciler.startInterval(config.sessions.reconcileMs);
      const guard = () =>
        void diskGuard.check().catch((e) => deps.log("error", "disk check failed", { error: String(e) }));
      diskTimer = setInterval(guard, 5_000).unref();
      await new Promise<void>((resolve, reject) =>
        server.once("error", reject).listen(config.port, config.host, resolve),
      );
      const { port } = server.address() as AddressInfo;
      return `http://${config.host}:${port}`;
    },
    async close() {
      reconciler.stopInterval();
      clearInterval(diskTimer);
      await terminals.close();
      await sessions.pool.drain();
      await sessions.settle();
      gateway.closeAll();
      progress.detachAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      deps.store.close();
      progressStore.close();
    },
  };
}
