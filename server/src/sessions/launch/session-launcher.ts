// Gives a starting session its sandbox: one from the warm pool or a new one, its gateway
// opened, its engine answering, the lab prepared; then the session is ready, or failed with
// the reason. A sandbox the pool prepared for the lab went through the same preparation
// (prepare() below, under the id the session now has), so it is handed over as it is. The
// session's lock is held throughout, so a stop waits for the launch to end instead of racing
// it (and leaking a sandbox created after the stop removed everything).
import type { StartProgress, StartStep } from "../../../../common/session-view.ts";
import type { Log } from "../../logger.ts";
import type { Labels } from "../../sandbox/labels.ts";
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
  /** A launch ended: the pool may make another, now that the host has a moment. */
  readonly onLaunched: () => void;
  readonly log: Log;
}

/** A sandbox from the warm pool: empty, or prepared for the session's lab already. */
export interface Pooled {
  readonly ref: SandboxRef;
  readonly prepared: boolean;
}

export class SessionLauncher {
  private readonly launching = new Set<Promise<void>>();
  /** Starts under way: what the page shows instead of a bare "Starting…". */
  private readonly progress = new Map<string, StartProgress>();

  constructor(private readonly d: LauncherDeps) {}

  /** Resolves once the session is ready or failed; never rejects. */
  launch(id: string, lab: SessionLab, pooled: Pooled | undefined): Promise<void> {
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

  /** Makes a sandbox the lab's under this id: created (unless given), its gateway opened, its
   *  engine answering, files, images and setup. A launch, and the pool ahead of one. */
  async prepare(
    id: string,
    lab: SessionLab,
    labels: Labels,
    given?: SandboxRef,
    onStep?: (steps: StartStep[], current: StartStep) => void,
  ): Promise<SandboxRef> {
    const contents = await lab.contents(id);
    const steps: StartStep[] = ["sandbox", "engine", ...prepareSteps(lab, contents)];
    const at = (current: StartStep) => onStep?.(steps, current);
    at("sandbox");
    const ref = given ?? (await this.d.driver.create(this.d.spec(id, lab), labels));
    at("engine");
    await this.d.gateway.open(ref, this.d.gatewayDir(id));
    await this.d.driver.waitReady(ref, 30_000);
    await prepareSandbox(this.d.driver, ref, lab, contents, at);
    return ref;
  }

  /** A prepared sandbox whose engine died in the pool is replaced by a fresh start, under
   *  the same id, rather than failing the learner's session. */
  private async alive(id: string, ref: SandboxRef): Promise<boolean> {
    try {
      await this.d.driver.waitReady(ref, 5_000);
      // Open already, unless this server restarted since it was prepared.
      await this.d.gateway.open(ref, this.d.gatewayDir(id));
      return true;
    } catch (e) {
      this.d.log("warn", "a prepared sandbox was dead; starting afresh", { id, error: String(e) });
      this.d.gateway.close(id);
      await this.d.driver.destroy(id).catch(() => undefined);
      return false;
    }
  }

  private async start(id: string, lab: SessionLab, pooled: Pooled | undefined): Promise<void> {
    try {
      const s = this.d.transitions.get(id);
      if (s.status !== "starting") return; // stopped while it waited for the lock
      const labels = {
        instance: this.d.instance,
        session: id,
        lab: lab.id,
        expiresAt: new Date(s.expiresAt).toISOString(),
      };
      const ref =
        pooled?.prepared && (await this.alive(id, pooled.ref))
          ? pooled.ref
          : await this.prepare(
              id,
              lab,
              labels,
              pooled?.prepared ? undefined : pooled?.ref,
              (steps, current) =>
                this.progress.set(id, { steps, current, pooled: !!pooled, images: lab.images }),
            );
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
      this.d.onLaunched();
    }
  }
}
