// The lab tester's SessionRunner over real sessions of an in-process app: each test session
// is an ordinary session (files copied, images pre-pulled); its checks use the same live
// context as the server's, and scripts run in the workstation as the learner's would.
import type { App } from "../app.ts";
import { liveCheckContext } from "../checks/live-check-context.ts";
import type { Lab } from "../labs/lab.ts";
import type { SessionRunner, TestSession } from "../labs/lab-tester.ts";
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";
import type { BindLab } from "../labs/session-lab.ts";

export class AppSessionRunner implements SessionRunner {
  private readonly started = new Set<string>();

  constructor(
    private readonly app: App,
    private readonly driver: SandboxDriver,
    private readonly bind: BindLab,
  ) {}

  async start(lab: Lab): Promise<TestSession> {
    const { session } = await this.app.sessions.start(lab.id);
    this.started.add(session.id);
    if (session.state !== "ready") {
      await this.stop(session.id);
      throw new Error(`the session did not start (${session.state}): ${session.reason ?? "no reason given"}`);
    }
    const id = session.id;
    const abort = new AbortController();
    const ctx = liveCheckContext({
      driver: this.driver,
      ref: this.app.sessions.ready(id),
      history: () => this.app.activity.list(id),
      signal: abort.signal,
    });
    return {
      lab: await this.bind(lab, id),
      ctx,
      exec: (cmd) => this.app.sessions.exec(id, cmd, 300_000),
      stop: async () => (abort.abort(), await this.stop(id)),
    };
  }

  /** Stops what is still running; safe to call at any time, also twice. */
  async stopAll(): Promise<void> {
    for (const id of [...this.started]) await this.stop(id);
  }

  private async stop(id: string): Promise<void> {
    this.started.delete(id);
    await this.app.sessions.stop(id, "lab test finished").catch(() => undefined);
  }
}
