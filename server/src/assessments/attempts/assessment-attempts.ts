// Candidates taking assessments: an attempt draws its tasks, opens one at a time (a task may
// be skipped and come back to), starts the next task's sandbox ahead so it is ready when the
// candidate moves on, and ends at its time limit or when the candidate finishes, leaving a
// report that outlives the sandboxes.
import { createHmac } from "node:crypto";
import type {
  AssessmentReport,
  AssessmentSummary,
  AttemptView,
} from "../../../../common/assessment-views.ts";
import { SlipwayError } from "../../errors.ts";
import type { KeyedLearner } from "../../learners/learner.ts";
import { hashMatches, hashToken, newSessionId, newToken } from "../../sessions/ids.ts";
import { type Session, isFinished } from "../../sessions/session.ts";
import { type Assessment, drawTasks } from "../assessment.ts";
import { type Attempt, closeVisits, openTask } from "./attempt.ts";
import type { AttemptDeps } from "./attempt-deps.ts";
import { attemptReport } from "./attempt-report.ts";

/** A task's session token, derived from the attempt's: stored nowhere but as its hash. */
const taskToken = (attemptToken: string, sessionId: string): string =>
  createHmac("sha256", attemptToken).update(`slipway attempt task:${sessionId}`).digest("base64url");

export class AssessmentAttempts {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly launching = new Map<string, Promise<void>>();

  constructor(private readonly d: AttemptDeps) {}

  async list(): Promise<AssessmentSummary[]> {
    return (await this.d.assessments()).map((a) => ({
      id: a.id,
      title: a.title,
      summary: a.summary,
      tasks: a.draw,
      timeLimitMs: a.timeLimitMs,
      passLine: a.passLine,
    }));
  }

  async start(assessmentId: string, owner?: KeyedLearner): Promise<{ attempt: AttemptView; token: string }> {
    const a = (await this.d.assessments()).find((x) => x.id === assessmentId);
    if (!a) throw new SlipwayError("not-found", `no assessment "${assessmentId}"`);
    const now = this.d.clock();
    const id = newSessionId();
    const token = newToken();
    const attempt: Attempt = {
      id,
      assessment: a.id,
      tokenHash: hashToken(token),
      ...(owner ? { owner: owner.learner.id } : {}),
      seed: id,
      tasks: drawTasks(a, id).map((lab) => ({ lab, visits: [] })),
      current: 0,
      startedAt: now,
      endsAt: now + a.timeLimitMs,
    };
    this.d.store.put(attempt);
    this.schedule(attempt);
    await this.open(id, 0, token, owner);
    return { attempt: await this.view(id, token), token };
  }

  /** The attempt for whoever holds its token; refusals read the same whatever was wrong. */
  authorize(id: string, token: string | undefined): Attempt {
    const a = this.d.store.get(id);
    if (!a || token === undefined || !hashMatches(Buffer.from(hashToken(token), "hex"), a.tokenHash))
      throw new SlipwayError("forbidden", "invalid attempt or token");
    return a;
  }

  async view(id: string, token: string): Promise<AttemptView> {
    const a = await this.current(id, token);
    const labs = await Promise.all(a.tasks.map((t) => this.d.labs.lab(t.lab)));
    const passed = new Set(a.report?.tasks.filter((t) => t.passed).map((t) => t.index) ?? []);
    return {
      id: a.id,
      assessment: a.assessment,
      title: (await this.assessment(a)).title,
      current: a.current,
      startedAt: new Date(a.startedAt).toISOString(),
      endsAt: new Date(a.endsAt).toISOString(),
      ...(a.finishedAt !== undefined ? { finishedAt: new Date(a.finishedAt).toISOString() } : {}),
      ...(a.endReason ? { endReason: a.endReason } : {}),
      tasks: a.tasks.map((t, k) => {
        const s = this.sessionOf(a.id, k);
        const live = s && !isFinished(s) && a.finishedAt === undefined;
        return {
          index: k,
          lab: t.lab,
          title: labs[k]?.title ?? t.lab,
          ...(s
            ? { session: { id: s.id, state: s.status, ...(live ? { token: taskToken(token, s.id) } : {}) } }
            : {}),
          passed: passed.has(k) || (s !== undefined && this.solved(s.id)),
        };
      }),
    };
  }

  /** Opens task `k` (the first, the next, or one skipped before) and starts the one after it
   *  ahead. Resolves once task `k`'s sandbox is ready (or queued). */
  async open(id: string, k: number, token: string, owner?: KeyedLearner): Promise<void> {
    let a = await this.current(id, token);
    if (a.finishedAt !== undefined) throw new SlipwayError("conflict", `attempt ${id} has ended`);
    if (!Number.isInteger(k) || k < 0 || k >= a.tasks.length)
      throw new SlipwayError("invalid-input", `task ${k} is not one of this attempt's ${a.tasks.length}`);
    a = openTask(a, k, this.d.clock());
    this.d.store.put(a);
    const next = (k + 1) % a.tasks.length;
    const launch = this.launch(a, k, token, owner);
    if (next !== k) void this.launch(a, next, token, owner).catch(() => undefined);
    await launch;
  }

  /** Ends the attempt (the candidate finished, or its time ran out): the report is written,
   *  then its sandboxes stop. */
  async finish(id: string, reason: string): Promise<void> {
    const a = this.d.store.get(id);
    if (!a || a.finishedAt !== undefined) return;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const now = this.d.clock();
    const closed = closeVisits(a, now);
    await Promise.allSettled(this.launching.values());
    const sessions = closed.tasks.map((_, k) => this.sessionOf(id, k));
    const report = await attemptReport(this.d, await this.assessment(a), closed, sessions, now, reason);
    this.d.store.put({ ...closed, finishedAt: now, endReason: reason, report });
    for (const s of sessions) if (s) this.d.dropRecording?.(s.id);
    for (const s of this.d.listSessions().filter((x) => x.attempt?.id === id && !isFinished(x)))
      await this.d
        .stopSession(s.id, reason)
        .catch((e) =>
          this.d.log("warn", "could not stop an attempt's session", { id: s.id, error: String(e) }),
        );
  }

  /** A read-only link to the report: a new token (an older link stops working), good for
   *  this attempt's report and nothing else. */
  share(id: string, token: string): string {
    const a = this.authorize(id, token);
    if (!a.report)
      throw new SlipwayError("conflict", `attempt ${id} has not ended: its report is not written yet`);
    const shareToken = newToken();
    this.d.store.put({ ...a, shareHash: hashToken(shareToken) });
    return shareToken;
  }

  /** The report, for the attempt's token or its share link's. */
  report(id: string, token: string | undefined): AssessmentReport {
    const a = this.d.store.get(id);
    const hash = Buffer.from(hashToken(token ?? ""), "hex");
    const ok =
      a !== undefined &&
      token !== undefined &&
      (hashMatches(hash, a.tokenHash) || (a.shareHash !== undefined && hashMatches(hash, a.shareHash)));
    if (!ok) throw new SlipwayError("forbidden", "invalid attempt or token");
    if (!a.report)
      throw new SlipwayError("conflict", `attempt ${id} has not ended: its report is not written yet`);
    return a.report;
  }

  /** The attempt, ended first if its time is up: the timer may not have fired yet (a busy
   *  loop, a test's clock), and the clock decides, not the timer. */
  private async current(id: string, token: string): Promise<Attempt> {
    const a = this.authorize(id, token);
    if (a.finishedAt !== undefined || this.d.clock() < a.endsAt) return a;
    await this.finish(id, "time limit reached");
    return this.authorize(id, token);
  }

  /** At boot: attempts still running get their end scheduled again (or end now). */
  restore(): void {
    for (const a of this.d.store.unfinished()) this.schedule(a);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private solved(sessionId: string): boolean {
    const steps = Object.values(this.d.progress(sessionId)?.steps ?? {});
    return steps.length > 0 && steps.every((st) => st.status === "passed");
  }

  private schedule(a: Attempt): void {
    const t = setTimeout(
      () =>
        void this.finish(a.id, "time limit reached").catch((e) =>
          this.d.log("warn", "attempt end failed", { id: a.id, error: String(e) }),
        ),
      Math.max(0, a.endsAt - this.d.clock()),
    );
    t.unref();
    this.timers.set(a.id, t);
  }

  private async assessment(a: Attempt): Promise<Assessment> {
    const found = (await this.d.assessments()).find((x) => x.id === a.assessment);
    if (!found) throw new SlipwayError("not-found", `assessment "${a.assessment}" is no longer offered`);
    return found;
  }

  /** The task's latest session (a stopped or failed one is replaced when the task opens). */
  sessionOf(id: string, k: number): Session | undefined {
    return this.d
      .listSessions()
      .filter((s) => s.attempt?.id === id && s.attempt.task === k)
      .sort((x, y) => y.createdAt - x.createdAt)[0];
  }

  private launch(a: Attempt, k: number, token: string, owner?: KeyedLearner): Promise<void> {
    const key = `${a.id}/${k}`;
    const current = this.sessionOf(a.id, k);
    if (current && !isFinished(current)) return Promise.resolve();
    let p = this.launching.get(key);
    if (!p) {
      const task = { id: a.id, task: k, endsAt: a.endsAt };
      p = this.d
        .startSession(a.tasks[k]?.lab as string, owner, {
          attempt: task,
          tokenOf: (sid) => taskToken(token, sid),
        })
        .then(() => undefined)
        .finally(() => this.launching.delete(key));
      this.launching.set(key, p);
    }
    return p;
  }
}
