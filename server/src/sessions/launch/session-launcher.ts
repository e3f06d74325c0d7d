// Gives a starting session its sandbox: one from the warm pool or a new one, its gateway
// opened, its engine answering, the lab prepared; then the session is ready, or failed with
// the reason. The session's lock is held throughout, so a stop waits for the launch to end
// instead of racing it (and leaking a sandbox created after the stop removed everything).
import type { StartProgress, StartStep } from "../../../../common/session-view.ts";
import type { Log } from "../../logger.ts";
import type { SandboxDriver, SandboxRef, SandboxSpec } from "../../sandbox/sandbox-driver.ts";
import type { SessionLab } from "../lab-provider.ts";
import type { SessionLocks } from "../lifecycle/session-locks.ts";
import type { SessionTransitions } from "../lifecycle/session-transitions.ts";
import { prepareSandbox, prepareSteps } from "./prepare-sandbox.ts";

export interface LauncherDeps {
  readonly transitions: SessionTransitions;
  readonly locks: SessionLocks;
  readonly driver: Pick<SandboxDriver, "create" | "waitReady" | "putFiles" | "exec" | "destroy">;
  readonly gateway: { open(ref: SandboxRef, dir: string): Promise<void>; close(id: string): void };
  readonly gatewayDir: (id: string) => string;
  readonly spec: (id: string, lab?: SessionLab) => SandboxSpec;
  readonly instance: string;
  readonly clock: () => number;
  /** A pooled sandbox was handed over: time to make another. */
  readonly onPoolTaken: () => void;
  readonly log: Log;
}

export class SessionLauncher {
  private readonly launching = new Set<Promise<void>>();
  /** Starts under way: what the page shows instead of a bare "Starting…". */
  private readonly progress = new Map<string, StartProgress>();

  constructor(private readonly d: LauncherDeps) {}

  /** Resolves once the session is ready or failed; never rejects. */
  launch(id: string, lab: SessionLab, pooled: SandboxRef | undefined): Promise<void> {
    const p = this.d.locks.run(id, () => this.start(id, lab, pooled)).finally(() => this.launching.delete(p));
    this.launching.add(p);
    return p;
  }

  /** How far a start has got; undefined once it ended (or before it began). */
  progressOf(id: string): StartProgress | undefined {
    return this.progress.get(id);
  }

  /** Waits for sandboxes being started (a promoted queue runs in the background), so a
   *  closing server does not leave one to finish after its store is gone. */
  async settle(): Promise<void> {
    while (this.launching.size > 0) await Promise.allSettled([...this.launching]);
  }

  private async start(id: string, lab: SessionLab, pooled: SandboxRef | undefined): Promise<void> {
    try {
      const s = this.d.transitions.get(id);
      if (s.status !== "starting") return; // stopped while it waited for the lock
      const labels = {
        instance: this.d.instance,
        session: id,
        lab: lab.id,
        expiresAt: new Date(s.expiresAt).toISOString(),
      };
      const contents = await lab.contents(id);
      const steps: StartStep[] = ["sandbox", "engine", ...prepareSteps(lab, contents)];
      const at = (current: StartStep) =>
        this.progress.set(id, { steps, current, pooled: !!pooled, images: lab.images });
      at("sandbox");
      const ref = pooled ?? (await this.d.driver.create(this.d.spec(id, lab), labels));
      at("engine");
      await this.d.gateway.open(ref, this.d.gatewayDir(id));
      await this.d.driver.waitReady(ref, 30_000);
      await prepareSandbox(this.d.driver, ref, lab, contents, at);
      this.d.transitions.move(id, "ready", { sandbox: ref, readyAt: this.d.clock() });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.d.log("warn", "session failed to start", { id, reason });
      this.d.gateway.close(id);
      await this.d.driver.destroy(id).catch(() => undefined);
      try {
        this.d.transitions.move(id, "failed", { reason });
      } catch (err) {
        this.d.log("error", "a failed start could not be recorded", { id, error: String(err) });
      }
    } finally {
      this.progress.delete(id);
      if (pooled) this.d.onPoolTaken();
    }
  }
}
