// The composition root: every subsystem is built here from the config and the injected
// dependencies. Nothing else constructs a gateway, manager or service; open-app.ts picks
// the driver and stores (real or in memory) and hands them in.
import express from "express";
import { existsSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { AssessmentAttempts } from "./assessments/attempts/assessment-attempts.ts";
import type { AttemptStore } from "./assessments/attempts/attempt-store.ts";
import { MemoryAttemptStore } from "./assessments/attempts/memory-attempt-store.ts";
import { AsciicastRecorder } from "./assessments/recording/asciicast-recorder.ts";
import type { ActivityLog } from "./audit/activity-log.ts";
import { MemoryActivityLog } from "./audit/memory-activity-log.ts";
import type { Config } from "./config.ts";
import { EngineGateway } from "./gateway/engine-gateway.ts";
import type { GatewayLimits } from "./gateway/gateway-limits.ts";
import { type Allowances, allowancesOf } from "./gateway/policy/allowances.ts";
import { ClassBoard } from "./classes/class-board.ts";
import type { ClassStore } from "./classes/class-store.ts";
import { Classes } from "./classes/classes.ts";
import { ClassWebhooks, DEFAULT_WEBHOOK_POLICY, type WebhookPolicy } from "./classes/class-webhooks.ts";
import type { DeliveryStore } from "./classes/delivery-store.ts";
import { MemoryDeliveryStore } from "./classes/memory-delivery-store.ts";
import { MemoryClassStore } from "./classes/memory-class-store.ts";
import { SlipwayError, isSlipwayError } from "./errors.ts";
import { classRoutes } from "./http/class-routes.ts";
import { tokenFrom } from "./http/auth.ts";
import { errorHandler } from "./http/error-handler.ts";
import { assessmentRoutes } from "./http/assessment-routes.ts";
import { fileRoutes } from "./http/file-routes.ts";
import { healthRoute } from "./http/health-route.ts";
import { labEventsRoute } from "./http/lab-events-route.ts";
import { labCatalogRoute, labRoutes } from "./http/lab-routes.ts";
import { learnerRoutes } from "./http/learner-routes.ts";
import { portRoutes } from "./http/port-routes.ts";
import { PreviewCookie } from "./http/preview/preview-cookie.ts";
import { PreviewHosts } from "./http/preview/preview-hosts.ts";
import { PreviewServer } from "./http/preview/preview-server.ts";
import { PreviewTickets } from "./http/preview/preview-tickets.ts";
import { SessionRouter } from "./http/session-router.ts";
import { sessionRoutes, startSessionRoute } from "./http/session-routes.ts";
import { learnerOf } from "./http/learner-of.ts";
import { tokenRoutes } from "./http/token-routes.ts";
import { catalogRepositories } from "./labs/image-catalog.ts";
import type { LabCatalog } from "./labs/lab-catalog.ts";
import { LearnerOverview } from "./learners/learner-overview.ts";
import type { LearnerStore } from "./learners/learner-store.ts";
import { Learners } from "./learners/learners.ts";
import { MemoryLearnerStore } from "./learners/memory-learner-store.ts";
import type { Log } from "./logger.ts";
import { MemoryProgressStore } from "./progress/memory-progress-store.ts";
import { ProgressService } from "./progress/progress-service.ts";
import type { ProgressStore } from "./progress/progress-store.ts";
import type { SandboxDriver } from "./sandbox/sandbox-driver.ts";
import { MemoryTokenStore } from "./sessions/access/memory-token-store.ts";
import { SessionAccess } from "./sessions/access/session-access.ts";
import type { TokenStore } from "./sessions/access/token-store.ts";
import { DiskGuard } from "./sessions/disk-guard.ts";
import { SessionReconciler } from "./sessions/reconcile/session-reconciler.ts";
import { SessionManager } from "./sessions/session-manager.ts";
import type { Session } from "./sessions/session.ts";
import type { SessionStore } from "./sessions/store/session-store.ts";
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
  /** Learner identities; in memory unless the caller keeps them. */
  readonly learners?: LearnerStore;
  /** Re-check labs on every sandbox change (default true; `lab test` checks on its own). */
  readonly liveChecks?: boolean;
  /** Handed-out session tokens (hashes) and server keys; in memory unless the caller keeps
   *  them (main.ts does, so viewer links and previews survive a restart). */
  readonly tokens?: TokenStore;
  /** Assessment attempts and their reports; in memory unless the caller keeps them. */
  readonly attempts?: AttemptStore;
  /** Classes and their members; in memory unless the caller keeps them. */
  readonly classes?: ClassStore;
  /** Class webhooks and their deliveries; in memory unless the caller keeps them. */
  readonly deliveries?: DeliveryStore;
  /** Tests retry webhooks sooner; the defaults suit a receiver that is briefly down. */
  readonly webhookPolicy?: WebhookPolicy;
}

export interface App {
  readonly server: Server;
  readonly driver: SandboxDriver;
  readonly sessions: SessionManager;
  readonly access: SessionAccess;
  readonly reconciler: SessionReconciler;
  readonly diskGuard: DiskGuard;
  readonly activity: ActivityLog;
  readonly progress: ProgressService;
  readonly learners: Learners;
  readonly attempts: AssessmentAttempts;
  readonly classes: Classes;
  /** Adopts surviving sessions, starts the reconcile loop and listens; resolves to the URL. */
  start(): Promise<string>;
  /** Stops listening and closes every store; sessions live on in their sandboxes. */
  close(): Promise<void>;
}

export function createApp(config: Config, deps: AppDeps): App {
  const clock = deps.clock ?? Date.now;
  const activity: ActivityLog = deps.activity ?? new MemoryActivityLog();
  const progressStore = deps.progress ?? new MemoryProgressStore();
  const learnerStore = deps.learners ?? new MemoryLearnerStore();
  const learners = new Learners({ store: learnerStore, clock });
  const tokens = deps.tokens ?? new MemoryTokenStore();
  const classStore = deps.classes ?? new MemoryClassStore();
  const deliveryStore = deps.deliveries ?? new MemoryDeliveryStore();
  const gateway = new EngineGateway({
    connectEngine: (ref) => deps.driver.connectEngine(ref),
    onActivity: (id) => {
      sessions.touch(id);
      progress.learnerActive(id);
    },
    // Looked up per session on first need, so gateways re-opened at boot get it too.
    policyFor: async (id): Promise<Allowances> =>
      allowancesOf((await deps.labs.get(sessions.labOf(id) ?? ""))?.policy ?? []),
    resolveEnginePaths: (ref, paths) => deps.driver.resolveEnginePaths(ref, paths),
    // The trail is the learner's: a lab's setup, run before they get control (or ahead, in a
    // sandbox the pool prepares), is not in it, so a history check cannot pass on its calls.
    record: (id, entry) => sessions.learnerHasHad(id) && activity.append(id, entry),
    onError: (id, error) => deps.log("warn", "gateway error", { id, error: String(error) }),
    limits: deps.gatewayLimits,
    // The image catalog is the one list of what the mirror holds (labs/image-catalog.ts).
    ...(config.mirror.upstream ? {} : { offlineCatalog: catalogRepositories }),
  });
  const sessions: SessionManager = new SessionManager({
    // Every status move reaches live checks and event streams. Terminals let go once the
    // sandbox is down: its shells ended with it, which told their sockets (`exit`) first.
    // A session that is ending tells its terminals first, so their clients say it ended
    // rather than that the shell died.
    onMoved: (s) => {
      progress.sessionChanged(s);
      if (s.status === "stopping") void terminals.hub.endSession(s.id);
      if (s.status === "paused" || s.status === "stopped" || s.status === "failed")
        void terminals.hub.closeSession(s.id);
    },
    driver: deps.driver,
    store: deps.store,
    gateway,
    labs: deps.labs,
    clock,
    instance: config.instance,
    limits: config.sandbox,
    policy: config.sessions,
    diskLow: (): boolean => diskGuard.lowOnDisk,
    classFor: (classId, lab) => classes.classFor(classId, lab),
    classLabs: () => classes.warmLabs(),
    log: deps.log,
  });
  const diskGuard: DiskGuard = new DiskGuard({
    driver: deps.driver,
    sessions: () => deps.store.list(),
    stop: (id, reason) => sessions.stop(id, reason),
    pausedBudgetBytes: config.sessions.pausedDiskGiB * 1024 ** 3,
    log: deps.log,
  });
  let diskTimer: NodeJS.Timeout | undefined;
  let classTimer: NodeJS.Timeout | undefined;
  const progress: ProgressService = new ProgressService({
    sessions,
    listSessions: () => deps.store.list(),
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
    store: deps.store,
    gateway,
    gatewayDir: (id) => deps.driver.gatewayDir(id),
    lifecycle: sessions.lifecycle,
    pool: sessions.pool,
    promoteQueued: () => sessions.promoteQueued(),
    clock,
    instance: config.instance,
    poolMaxAgeMs: 86_400_000,
    log: deps.log,
  });
  const attemptStore = deps.attempts ?? new MemoryAttemptStore();
  const recorder = new AsciicastRecorder({
    maxBytes: config.assessments.recordingMaxBytes,
    clock,
    records: (id) => readable(id)?.attempt !== undefined,
  });
  const attempts = new AssessmentAttempts({
    assessments: () => deps.labs.assessments(),
    labs: deps.labs,
    listSessions: () => deps.store.list(),
    startSession: (lab, owner, opts) => sessions.start(lab, owner, opts),
    stopSession: (id, reason) => sessions.stop(id, reason),
    progress: (id) => progressStore.get(id),
    activity: (id) => activity.list(id),
    recording: (id) => recorder.cast(id),
    dropRecording: (id) => recorder.drop(id),
    store: attemptStore,
    clock,
    log: deps.log,
  });
  const classes: Classes = new Classes({
    store: classStore,
    enrol: (id, classId, name) => learners.enrol(id, classId, name),
    labIds: async () => new Set((await deps.labs.list()).map((l) => l.id)),
    trackLabs: async (id) => (await deps.labs.tracks()).find((t) => t.id === id)?.labs,
    sessions: () => deps.store.list(),
    pause: (id, reason) => sessions.pause(id, reason),
    stop: (id, reason) => sessions.stop(id, reason),
    clock,
    log: deps.log,
  });
  const webhooks = new ClassWebhooks({
    store: deliveryStore,
    session: (id) => readable(id),
    displayName: (classId, learnerId) =>
      classes.members(classId).find((m) => m.learnerId === learnerId)?.displayName,
    clock,
    log: deps.log,
    policy: deps.webhookPolicy ?? {
      ...DEFAULT_WEBHOOK_POLICY,
      allowPrivate: config.classes.webhookPrivate,
    },
  });
  progress.subscribeAll((id, e) => webhooks.labEvent(id, e));
  const board = new ClassBoard({
    classes,
    sessions: () => deps.store.list(),
    lab: (id) => deps.labs.lab(id),
    progress: (id) => progressStore.get(id),
    subscribeAll: (listener) => progress.subscribeAll(listener),
    session: (id) => readable(id),
    clock,
    log: deps.log,
  });
  // A class that does not allow hints or solutions refuses them to its sessions.
  const aidAllowed = (id: string, aid: "hints" | "solutions"): void => {
    const c = classes.get(readable(id)?.classId ?? "");
    if (c && !(aid === "hints" ? c.hintsAllowed : c.solutionsAllowed))
      throw new SlipwayError("forbidden", `your class does not allow ${aid}`);
  };
  const overview = new LearnerOverview({
    sessions,
    labs: deps.labs,
    progress: (id) => progressStore.get(id),
  });

  // A record this version cannot read is nobody's: refused like an unknown session.
  const readable = (id: string): Session | undefined => {
    try {
      return deps.store.get(id);
    } catch {
      return undefined;
    }
  };
  const access = new SessionAccess({ session: readable, tokens, clock });
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
    session: readable,
    touch: (id) => sessions.touch(id),
    endpoint: (ref, port) => deps.driver.portEndpoint(ref, port),
    isSlipwayCredential,
    clock,
    cookieTtlMs: config.sessions.maxTtlMs,
  });

  // Every /api/sessions/:id route, each with the scope it needs (session-router.ts).
  // A session answers to its tokens and to the learner it belongs to (identity cookie).
  const api = new SessionRouter(access, (req) => learnerOf(req, learners));
  sessionRoutes(api, sessions, activity);
  fileRoutes(api, sessions, new WorkspaceFiles(deps.driver));
  labRoutes(api, sessions, progress, aidAllowed);
  labEventsRoute(api, progress, access);
  tokenRoutes(api, access);
  portRoutes(api, { sessions, driver: deps.driver, hosts, tickets });

  const app = express();
  app.disable("x-powered-by");
  app.use(
    "/api",
    healthRoute(deps.driver, () => ({ sessions: { active: sessions.activeCount() } })),
  );
  app.use("/api/sessions", startSessionRoute(sessions, learners), api.router);
  app.use(
    "/api",
    classRoutes({
      classes,
      board,
      webhooks,
      learners,
      overview,
      labSummaries: () => deps.labs.list(),
      access,
      session: readable,
      clock,
    }).router,
  );
  app.use("/api", labCatalogRoute(deps.labs));
  app.use("/api", assessmentRoutes(attempts, learners));
  app.use("/api", express.json({ limit: "256kb" }), learnerRoutes(learners, access, overview));
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
      recorder,
    },
    { serves: (req) => !previews.owns(req) },
  );

  return {
    server,
    driver: deps.driver,
    sessions,
    access,
    reconciler,
    diskGuard,
    activity,
    progress,
    learners,
    attempts,
    classes,
    async start() {
      await reconciler.boot();
      await progress.adoptAll();
      attempts.restore();
      webhooks.resume();
      reconciler.startInterval(config.sessions.reconcileMs);
      const guardDisk = () =>
        void diskGuard.check().catch((e) => deps.log("error", "disk check failed", { error: String(e) }));
      diskTimer = setInterval(guardDisk, 5_000).unref();
      // A class whose end time has come ends as its instructor would end it: paused.
      const endClasses = () =>
        void classes.endDue().catch((e) => deps.log("error", "ending classes failed", { error: String(e) }));
      classTimer = setInterval(endClasses, config.sessions.reconcileMs).unref();
      await new Promise<void>((resolve, reject) =>
        server.once("error", reject).listen(config.port, config.host, resolve),
      );
      const { port } = server.address() as AddressInfo;
      return `http://${config.host}:${port}`;
    },
    async close() {
      reconciler.stopInterval();
      attempts.close();
      clearInterval(diskTimer);
      clearInterval(classTimer);
      await terminals.close();
      await sessions.pool.drain();
      await sessions.settle();
      gateway.closeAll();
      progress.detachAll();
      board.close();
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      deps.store.close();
      progressStore.close();
      learnerStore.close();
      activity.close?.();
      tokens.close();
      attemptStore.close();
      classStore.close();
      deliveryStore.close();
    },
  };
}
