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
import { tokenFrom } from "./http/auth.ts";
import { errorHandler } from "./http/error-handler.ts";
import { fileRoutes } from "./http/file-routes.ts";
import { healthRoute } from "./http/health-route.ts";
import { labEventsRoute } from "./http/lab-events-route.ts";
import { labCatalogRoute, labRoutes } from "./http/lab-routes.ts";
import { portRoutes } from "./http/port-routes.ts";
import { PreviewCookie } from "./http/preview/preview-cookie.ts";
import { PreviewHosts } from "./http/preview/preview-hosts.ts";
import { PreviewServer } from "./http/preview/preview-server.ts";
import { PreviewTickets } from "./http/preview/preview-tickets.ts";
import { SessionRouter } from "./http/session-router.ts";
import { sessionRoutes, startSessionRoute } from "./http/session-routes.ts";
import { tokenRoutes } from "./http/token-routes.ts";
import type { LabCatalog } from "./labs/lab-catalog.ts";
import type { Log } from "./logger.ts";
import { MemoryProgressStore } from "./progress/memory-progress-store.ts";
import { ProgressService } from "./progress/progress-service.ts";
import type { ProgressStore } from "./progress/progress-store.ts";
import type { SandboxDriver } from "./sandbox/sandbox-driver.ts";
import { MemoryTokenStore } from "./sessions/memory-token-store.ts";
import { SessionAccess } from "./sessions/session-access.ts";
import { SessionManager } from "./sessions/session-manager.ts";
import { observeSessionStore } from "./sessions/observed-session-store.ts";
import { DiskGuard } from "./sessions/disk-guard.ts";
import { SessionReconciler } from "./sessions/session-reconciler.ts";
import type { SessionStore } from "./sessions/session-store.ts";
import type { TokenStore } from "./sessions/token-store.ts";
import { isFinished } from "./sessions/session.ts";
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
  /** Handed-out session tokens (hashes) and server keys; in memory unless the caller keeps
   *  them (main.ts does, so viewer links and previews survive a restart). */
  readonly tokens?: TokenStore;
}

export interface App {
  readonly server: Server;
  readonly sessions: SessionManager;
  readonly access: SessionAccess;
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
  const tokens = deps.tokens ?? new MemoryTokenStore();
  // Every status move reaches live checks and event streams, whoever made it.
  // A session that is ending tells its terminals first; the terminal server comes later.
  const terminalsOf: { end?: (id: string) => void } = {};
  const store = observeSessionStore(deps.store, (s) => {
    if (s.status === "stopping" || isFinished(s)) terminalsOf.end?.(s.id);
    progress.sessionChanged(s);
  });
  const gateway = new EngineGateway({
    connectEngine: (ref) => deps.driver.connectEngine(ref),
    onActivity: (id) => {
      sessions.touch(id);
      progress.learnerActive(id);
    },
    // Looked up per session on first need, so gateways re-opened at boot get it too.
    policyFor: async (id): Promise<Allowances> =>
      allowancesOf((await deps.labs.get(sessions.get(id).lab))?.policy ?? []),
    resolveEnginePaths: (ref, paths) => deps.driver.resolveEnginePaths(ref, paths),
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

  const access = new SessionAccess({ session: (id) => store.get(id), tokens, clock });
  // Slipway's own token is never a preview's business; the learner's app may use its own.
  const isSlipwayCredential = (id: string, authorization: string): boolean => {
    const token = tokenFrom({ headers: { authorization } });
    if (!token) return false;
    try {
      return access.authorize(id, token, "view") !== undefined;
    } catch {
      return false;
    }
  };
  const previewKey = tokens.secret("preview");
  const hosts = new PreviewHosts(config.preview, previewKey, () => sessions.activeIds());
  const tickets = new PreviewTickets(clock);
  const previews = new PreviewServer({
    domain: config.preview,
    hosts,
    tickets,
    cookie: new PreviewCookie(previewKey, config.preview.scheme === "https"),
    session: (id) => store.get(id),
    touch: (id) => sessions.touch(id),
    endpoint: (ref, port) => deps.driver.portEndpoint(ref, port),
    isSlipwayCredential,
    clock,
    cookieTtlMs: config.sessions.maxTtlMs,
  });

  // Every /api/sessions/:id route, each with the scope it needs (session-router.ts).
  const api = new SessionRouter(access);
  sessionRoutes(api, sessions, activity);
  fileRoutes(api, sessions, new WorkspaceFiles(deps.driver));
  labRoutes(api, sessions, progress);
  labEventsRoute(api, progress, access);
  tokenRoutes(api, access);
  portRoutes(api, { sessions, driver: deps.driver, hosts, tickets });

  const app = express();
  app.disable("x-powered-by");
  app.use(
    "/api",
    healthRoute(deps.driver, () => ({ sessions: { active: sessions.activeCount() } })),
  );
  app.use("/api/sessions", startSessionRoute(sessions), api.router);
  app.use("/api", labCatalogRoute(deps.labs));
  app.use(
    "/api",
    (_req, res) => void res.status(404).json({ error: { code: "not-found", message: "no such API route" } }),
  );
  const clientDir = join(config.repoRoot, "client", "dist");
  if (existsSync(clientDir)) app.use(express.static(clientDir));
  app.use(errorHandler((msg, data) => deps.log("error", msg, data)));
  // Preview hosts are routed first, on the Host header: none of Slipway's routes, terminal
  // sockets included, is ever served on a learner's origin.
  const server = createServer((req, res) => (previews.owns(req) ? previews.handle(req, res) : app(req, res)));
  server.on("upgrade", (req, socket, head) => previews.owns(req) && previews.upgrade(req, socket, head));
  const terminals = attachTerminalServer(
    server,
    {
      authorize: async (id, token) => {
        try {
          const grant = access.authorize(id, token, "view");
          return {
            ref: sessions.ready(id),
            scope: grant.scope,
            onRevoked: (listener) => access.onRevoked(grant, listener),
          };
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
    },
    { serves: (req) => !previews.owns(req) },
  );
  terminalsOf.end = (id) => void terminals.hub.endSession(id);

  return {
    server,
    sessions,
    access,
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
      tokens.close();
    },
  };
}
