// Learners' progress through their labs, for the API and its event stream: step views,
// checks on demand, hints, solutions and the score report. Live re-checking of ready
// sessions is the LiveRegistry's job; this class follows sessions and answers requests.
import type {
  CheckReport,
  HintAnswer,
  LabEvent,
  ScoreReport,
  SessionLabView,
  SolutionAnswer,
} from "../../../common/lab-events.ts";
import type { Lab } from "../labs/lab.ts";
import { isFinished, type Session } from "../sessions/session.ts";
import { EventHub } from "../util/event-hub.ts";
import { revealHint, viewSolution } from "./learner-aids.ts";
import { labView } from "./lab-view.ts";
import { LiveRegistry } from "./live-registry.ts";
import { resetChecks } from "./progress.ts";
import { type ProgressContext, type ProgressDeps, progressContext } from "./progress-deps.ts";
import { scoreReport } from "./score-report.ts";

export class ProgressService {
  private readonly c: ProgressContext;
  private readonly live: LiveRegistry;

  constructor(deps: ProgressDeps) {
    this.c = progressContext(deps, new EventHub<LabEvent>());
    this.live = new LiveRegistry(this.c);
  }

  subscribe(id: string, listener: (e: LabEvent) => void): () => void {
    return this.c.events.subscribe(id, listener);
  }

  /** Every session's events, with its id. */
  subscribeAll(listener: (id: string, e: LabEvent) => void): () => void {
    return this.c.events.subscribeAll(listener);
  }

  /** A session's status moved (the session store tells us, whoever moved it). */
  sessionChanged(s: Session): void {
    const reason = "reason" in s ? { reason: s.reason } : {};
    this.c.events.publish(s.id, { type: "session", state: s.status, ...reason });
    if (s.status === "ready") void this.live.attach(s.id);
    else this.live.detach(s.id);
    const p = isFinished(s) ? this.c.store.get(s.id) : undefined;
    if (p && p.finishedAt === undefined) this.c.store.put({ ...p, finishedAt: this.c.clock() });
  }

  /** At boot: sessions that survived a restart get their live checks back. */
  async adoptAll(): Promise<void> {
    const ready = this.c.listSessions().filter((s) => s.status === "ready");
    await Promise.all(ready.map((s) => this.live.attach(s.id)));
  }

  /** Terminal input: no Docker event, but a pending step may have just become true. */
  learnerActive(id: string): void {
    this.live.active(id);
  }

  detach(id: string): void {
    this.live.detach(id);
  }

  detachAll(): void {
    this.live.detachAll();
  }

  /** The lab changed on disk (lab dev): checks start over with the new version, but for the
   *  passed steps in `keep` (sticky, unchanged), which stay passed as they would for a learner. */
  async reload(id: string, keep: ReadonlySet<string> = new Set()): Promise<void> {
    this.live.detach(id);
    const p = this.c.store.get(id);
    if (p) this.c.store.put(resetChecks(p, keep));
    await this.live.attach(id);
  }

  async view(id: string): Promise<SessionLabView> {
    const s = this.c.sessions.get(id);
    const lab = await this.c.labOf(s);
    return await labView(lab, s, this.c.progressOf(s, lab), this.c.clock());
  }

  async check(id: string): Promise<CheckReport> {
    const changes = await (await this.live.get(id)).evaluator.checkAll();
    return { steps: changes.map((c) => ({ ...c, pass: c.results.every((r) => r.pass) })) };
  }

  async hint(id: string, stepId: string): Promise<HintAnswer> {
    const { s, lab } = await this.readyLab(id);
    const [p, answer] = revealHint(lab, this.c.progressOf(s, lab), stepId);
    this.c.store.put(p);
    return answer;
  }

  async solution(id: string, stepId: string): Promise<SolutionAnswer> {
    const { s, lab } = await this.readyLab(id);
    const [p, answer] = await viewSolution(lab, this.c.progressOf(s, lab), stepId);
    this.c.store.put(p);
    return answer;
  }

  async report(id: string): Promise<ScoreReport> {
    const s = this.c.sessions.get(id);
    const lab = await this.c.labOf(s);
    return scoreReport(lab, this.c.progressOf(s, lab), s.status, this.c.clock());
  }

  /** Hints and solutions change the record, so only while the session runs. */
  private async readyLab(id: string): Promise<{ s: Session; lab: Lab }> {
    this.c.sessions.ready(id);
    const s = this.c.sessions.get(id);
    return { s, lab: await this.c.labOf(s) };
  }
}
