// The session `lab dev` keeps on the lab: started from the lab as it is, reloaded after each
// edit (sticky passes kept), and replaced by a new one when the sandbox it was built from is
// stale. `ended` resolves when the session stops by itself (expiry), not on a restart.
import type { Lab } from "../labs/lab.ts";
import type { KeyedLearner } from "../learners/learner.ts";
import type { CommandIo } from "./lab-command.ts";
import { type SandboxPrint, sandboxPrint, staleParts, stepsToKeep } from "./lab-changes.ts";
import type { LabRuntime } from "./lab-runtime.ts";
import { attachHelp, describeEvent, renderReport } from "./dev-report.ts";

export class DevSession {
  private id: string | undefined;
  private print: SandboxPrint = {};
  private unsubscribe: () => void = () => undefined;
  private end: () => void = () => undefined;
  private author: KeyedLearner | undefined;
  readonly ended = new Promise<void>((resolve) => (this.end = resolve));

  constructor(
    private readonly rt: LabRuntime,
    private readonly labId: string,
    private readonly io: CommandIo,
  ) {}

  get running(): boolean {
    return this.id !== undefined;
  }

  /** A session on the lab as the catalog has it now; false when it did not start. */
  async start(): Promise<boolean> {
    const lab = await this.rt.catalog.lab(this.labId);
    if (!lab) return (this.io.err(`lab ${this.labId} is no longer valid`), false);
    this.print = await sandboxPrint(lab);
    this.io.err(`starting a session on ${this.labId} (files, images, setup)…`);
    // The author's sessions belong to one identity, which a browser takes with a link code:
    // a session page opens only for the learner who owns it.
    const first = !this.author;
    this.author ??= this.rt.app.learners.create();
    const { session, token } = await this.rt.app.sessions.start(this.labId, this.author);
    if (session.state !== "ready")
      return (this.io.err(`the session did not start: ${session.reason ?? session.state}`), false);
    const id = session.id;
    this.id = id;
    const link = first ? this.rt.app.learners.linkCode(this.author).code : undefined;
    this.io.out(attachHelp(this.rt.url, id, token, link));
    let reported = false; // events before the first report would only repeat it
    this.unsubscribe = this.rt.app.progress.subscribe(id, (e) => {
      const line = reported ? describeEvent(e) : undefined;
      if (line) this.io.out(line);
      if (e.type !== "session" || (e.state !== "stopped" && e.state !== "failed")) return;
      this.unsubscribe();
      this.id = undefined;
      this.end();
    });
    this.io.out(renderReport(await this.rt.app.progress.check(id)));
    reported = true;
    return true;
  }

  /** Stops this session (quietly: it is not an end) and starts a new one. */
  async restart(why: string): Promise<boolean> {
    this.unsubscribe();
    const old = this.id;
    this.id = undefined;
    this.io.err(`${why}: ${old ? `stopping session ${old} and ` : ""}starting a new one…`);
    if (old) await this.rt.app.sessions.stop(old, "lab dev restart");
    return this.start();
  }

  /** The lab was edited (`before` → `after`): re-check; returns the stale sandbox parts. */
  async reload(before: Lab, after: Lab): Promise<string[]> {
    const id = this.id;
    if (!id) return [];
    const t0 = performance.now();
    const view = await this.rt.app.progress.view(id);
    const passed = new Set(view.steps.filter((s) => s.status === "passed").map((s) => s.id));
    const keep = await stepsToKeep(before, after, passed);
    await this.rt.app.progress.reload(id, keep);
    const report = await this.rt.app.progress.check(id);
    const kept = keep.size ? `; still passed (sticky, unchanged): ${[...keep].join(", ")}` : "";
    this.io.out(`reloaded ${after.id}, checked in ${Math.round(performance.now() - t0)} ms${kept}`);
    this.io.out(renderReport(report));
    return staleParts(this.print, await sandboxPrint(after));
  }
}
