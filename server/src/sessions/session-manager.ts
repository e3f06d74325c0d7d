// The sessions of one Slipway, as the rest of it sees them. It composes the parts that do the
// work: launch/ (sandboxes for starting sessions, the warm pool), queue/ (waiting for a
// slot) and lifecycle/ (the status table and its one writer, pause, resume, stop, expiry).
// Who may act on a session is access/'s business (SessionAccess, built beside this).
import { SlipwayError } from "../errors.ts";
import type { EngineGateway } from "../gateway/engine-gateway.ts";
import type { KeyedLearner } from "../learners/learner.ts";
import type { Log } from "../logger.ts";
import type { ExecResult, SandboxDriver, SandboxRef, SandboxSpec } from "../sandbox/sandbox-driver.ts";
import { controlToken } from "./access/control-token.ts";
import { hashToken, newSessionId } from "./ids.ts";
import type { LabProvider, SessionLab } from "./lab-provider.ts";
import { currentPlan } from "./launch/pool-plan.ts";
import { SessionLauncher } from "./launch/session-launcher.ts";
import { WarmPool } from "./launch/warm-pool.ts";
import { ExpiryPolicy } from "./lifecycle/expiry-policy.ts";
import { SessionLifecycle } from "./lifecycle/session-lifecycle.ts";
import { SessionLocks } from "./lifecycle/session-locks.ts";
import { SessionTransitions } from "./lifecycle/session-transitions.ts";
import { SessionQueue } from "./queue/session-queue.ts";
import { type Session, type SessionView, isFinished, toView } from "./session.ts";
import type { SessionStore } from "./store/session-store.ts";

export interface SessionManagerDeps {
  readonly driver: SandboxDriver;
  readonly store: SessionStore;
  readonly gateway: Pick<EngineGateway, "open" | "close">;
  readonly labs: LabProvider;
  readonly clock: () => number;
  readonly instance: string;
  readonly limits: {
    readonly memoryMiB: number;
    readonly cpus: number;
    readonly pids: number;
    readonly diskGiB: number;
  };
  readonly policy: {
    readonly poolSize: number;
    /** Memory (the labs' limits) the per-lab prepared pools may hold together; 0: none. */
    readonly poolMemoryMiB: number;
    /** Labs kept prepared whatever the demand. */
    readonly poolLabs: readonly string[];
    readonly maxConcurrent: number;
    readonly ttlMs: number;
    readonly maxTtlMs: number;
    readonly idleMs: number;
    readonly pausedRetentionMs: number;
  };
  /** True while the host is too low on disk to start another sandbox. */
  readonly diskLow?: () => boolean;
  /** Labs of classes open or about to start: warmed before their learners arrive. */
  readonly classLabs?: () => readonly string[];
  /** The class a learner's new session of a lab belongs to, if any (classes/). */
  readonly classFor?: (classId: string | undefined, lab: string) => string | undefined;
  /** Every status change, whoever made it: live checks, event streams and terminals follow it. */
  readonly onMoved?: (s: Session) => void;
  readonly log: Log;
}

export interface StartOptions {
  /** Start it as a task of an assessment attempt, ending when the attempt does. */
  readonly attempt?: { readonly id: string; readonly task: number; readonly endsAt: number };
  /** Its control token, made from its id (an attempt's tasks derive theirs from its token). */
  readonly tokenOf?: (id: string) => string;
  /** Answer once the sandbox is ready (the default), or at once, while it starts: the browser
   *  shows the start's steps on the session page. */
  readonly wait?: boolean;
}

/** A prepared sandbox's lab state ages while it waits (logs, restart counts, uptimes). */
const PREPARED_MAX_AGE_MS = 3_600_000;

export class SessionManager {
  readonly pool: WarmPool;
  readonly lifecycle: SessionLifecycle;
  readonly expiry: ExpiryPolicy;
  readonly queue: SessionQueue;
  private readonly transitions: SessionTransitions;
  private readonly launcher: SessionLauncher;
  private readonly locks = new SessionLocks();

  constructor(private readonly d: SessionManagerDeps) {
    const p = d.policy;
    this.transitions = new SessionTransitions(d.store, (s) => d.onMoved?.(s));
    const locks = this.locks;
    this.expiry = new ExpiryPolicy({
      ttlMs: p.ttlMs,
      maxTtlMs: p.maxTtlMs,
      idleMs: p.idleMs,
      retentionMs: p.pausedRetentionMs,
    });
    const gatewayDir = (id: string) => d.driver.gatewayDir(id);
    this.launcher = new SessionLauncher({
      ...d,
      transitions: this.transitions,
      locks,
      gatewayDir,
      spec: (id, lab) => this.spec(id, lab),
      onLaunched: () => void this.pool.refill(),
    });
    this.pool = new WarmPool({
      driver: d.driver,
      store: d.store,
      size: p.poolSize,
      instance: d.instance,
      spec: (id) => this.spec(id),
      newId: newSessionId,
      clock: d.clock,
      maxAgeMs: p.maxTtlMs + 86_400_000,
      preparedMaxAgeMs: PREPARED_MAX_AGE_MS,
      plan: () =>
        currentPlan({
          clock: d.clock,
          started: () => d.store.list(),
          pinned: () => [...p.poolLabs, ...(d.classLabs?.() ?? [])],
          lab: (id) => d.labs.get(id),
          defaultMemoryMiB: d.limits.memoryMiB,
          budgetMiB: p.poolMemoryMiB,
        }),
      prepare: async (id, labId, labels) => {
        const lab = await d.labs.get(labId);
        if (!lab) throw new Error(`no lab "${labId}" to prepare a sandbox for`);
        return this.launcher.prepare(id, lab, labels);
      },
      release: (id) => d.gateway.close(id),
      onError: (e) => d.log("warn", "warm pool refill failed", { error: String(e) }),
    });
    this.queue = new SessionQueue({
      list: () => d.store.list(),
      transitions: this.transitions,
      labs: d.labs,
      maxConcurrent: p.maxConcurrent,
      clock: d.clock,
      launch: (id, lab) => void this.launcher.launch(id, lab, undefined),
    });
    this.lifecycle = new SessionLifecycle({
      ...d,
      transitions: this.transitions,
      locks,
      expiry: this.expiry,
      gatewayDir,
      hasRoom: () => this.queue.hasRoom(),
      onFreed: () => void this.queue.promote(),
    });
  }

  /** Starts a session; resolves once it is ready, failed, or queued behind the capacity limit. */
  async start(
    labId: string,
    owner?: KeyedLearner,
    opts: StartOptions = {},
  ): Promise<{ session: SessionView; token: string }> {
    const lab = await this.d.labs.get(labId);
    if (!lab) throw new SlipwayError("not-found", `no lab "${labId}"`);
    if (this.d.diskLow?.())
      throw new SlipwayError("capacity", "the host is low on disk space: no new sandboxes until some stop");
    const now = this.d.clock();
    const hasRoom = this.queue.hasRoom();
    // Prepared for this lab first; an empty one only fits a lab without limits of its own.
    const prepared = hasRoom ? this.pool.takePrepared(lab.id) : undefined;
    const pooled = prepared ?? (hasRoom && !lab.limits ? this.pool.take() : undefined);
    const id = pooled?.id ?? newSessionId();
    const { token, tokenHash } = opts.tokenOf
      ? { token: opts.tokenOf(id), tokenHash: hashToken(opts.tokenOf(id)) }
      : controlToken(id, owner);
    const classId = owner ? this.d.classFor?.(owner.learner.classId, lab.id) : undefined;
    const base = {
      id,
      tokenHash,
      lab: lab.id,
      createdAt: now,
      lastActivityAt: now,
      // A task of an assessment ends with the assessment, not at its own lab's limit.
      ...this.expiry.window(now, opts.attempt ? Math.max(1, opts.attempt.endsAt - now) : lab.timeLimitMs),
      ...(opts.attempt ? { attempt: { id: opts.attempt.id, task: opts.attempt.task } } : {}),
      ...(owner ? { owner: owner.learner.id } : {}),
      ...(classId ? { classId } : {}),
    };
    if (!hasRoom) {
      this.transitions.create({ ...base, status: "queued" });
      return { session: this.view(id), token };
    }
    this.transitions.create({
      ...base,
      status: "starting",
      origin: prepared ? "prepared" : pooled ? "pool" : "fresh",
    });
    const launched = this.launcher.launch(id, lab, pooled && { ref: pooled.ref, prepared: !!prepared });
    if (opts.wait !== false) await launched;
    return { session: this.view(id), token };
  }

  get(id: string): Session {
    return this.transitions.get(id);
  }

  /** Whether the learner has had control of this session's sandbox: not while it starts (its
   *  lab's setup runs then), nor while the pool prepares one under this id. */
  learnerHasHad(id: string): boolean {
    try {
      const s = this.transitions.find(id);
      return s !== undefined && s.status !== "starting" && s.status !== "queued";
    } catch {
      return false; // an unreadable record: nobody's trail to add to
    }
  }

  /** The lab of a session, or of a sandbox the pool prepares under that id. */
  labOf(id: string): string | undefined {
    return this.transitions.find(id)?.lab ?? this.pool.labOf(id);
  }

  view(id: string): SessionView {
    const s = this.get(id);
    const keptUntil = this.expiry.keptUntil(s);
    const starting = s.status === "starting" ? this.launcher.progressOf(id) : undefined;
    const restarting = s.status === "ready" ? this.lifecycle.restarts.of(id) : undefined;
    return toView(s, {
      ...(restarting ? { restarting } : {}),
      ...(s.status === "queued" ? { queue: this.queue.place(id) } : {}),
      ...(starting ? { starting } : {}),
      ...(keptUntil !== undefined ? { keptUntil } : {}),
    });
  }

  ready(id: string): SandboxRef {
    const s = this.get(id);
    if (s.status !== "ready") throw new SlipwayError("conflict", `session ${id} is ${s.status}, not ready`);
    return s.sandbox;
  }

  async exec(id: string, cmd: readonly string[], timeoutMs = 60_000): Promise<ExecResult> {
    const ref = this.ready(id);
    this.touch(id);
    return this.d.driver.exec(ref, cmd, { timeoutMs, maxOutputBytes: 1024 * 1024 });
  }

  touch = (id: string): void => this.lifecycle.touch(id);

  extend(id: string, byMs: number): SessionView {
    this.lifecycle.extend(id, byMs);
    return this.view(id);
  }

  stop = async (id: string, reason?: string): Promise<SessionView> => (
    await this.lifecycle.stop(id, reason),
    this.view(id)
  );

  pause = async (id: string, reason?: string): Promise<SessionView> => (
    await this.lifecycle.pause(id, reason),
    this.view(id)
  );

  resume = async (id: string): Promise<SessionView> => (await this.lifecycle.resume(id), this.view(id));

  /** Asks the expiry policy about this session and acts on its answer (a timed lab's timer). */
  expire = async (id: string): Promise<SessionView> => (await this.lifecycle.expire(id), this.view(id));

  /** Every session of a learner, newest first. */
  owned(learnerId: string): Session[] {
    return this.d.store
      .list()
      .filter((s) => s.owner === learnerId)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  activeCount(): number {
    return this.queue.runningCount();
  }

  /** Sessions not yet stopped or failed (paused ones included): what a test app must stop. */
  activeIds(): string[] {
    return this.d.store
      .list()
      .filter((s) => !isFinished(s))
      .map((s) => s.id);
  }

  promoteQueued = (): Promise<void> => this.queue.promote();

  spec(id: string, lab?: SessionLab): SandboxSpec {
    return { id, ...this.d.limits, ...lab?.limits, images: lab?.images ?? [] };
  }

  gatewayDir(id: string): string {
    return this.d.driver.gatewayDir(id);
  }

  /** Waits for sandboxes being started, paused or resumed, so a closing server does not leave
   *  one to finish after its store is gone. */
  settle = async (): Promise<void> => {
    await this.queue.settled();
    await this.launcher.settle();
    await this.locks.idle();
  };
}
