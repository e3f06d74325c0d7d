// After a resume, the learner's engine brings back the containers with restart policies just
// after its API answers (docker/images/engine/engine-restart.sh), as after a reboot. Until
// they are back, the session's view says how many are still coming, so a learner who runs
// `docker ps` at once does not take a missing container for lost work.
import type { Log } from "../../logger.ts";
import type { SandboxDriver, SandboxRef } from "../../sandbox/sandbox-driver.ts";

export interface RestartWatchDeps {
  readonly driver: Pick<SandboxDriver, "restarting">;
  /** The session is still ready on this sandbox: once not, watching stops. */
  readonly stillReady: (id: string) => boolean;
  readonly log: Log;
  readonly pollMs?: number;
  /** The engine gives up on a start that hangs; so does the watch, after this long. */
  readonly maxMs?: number;
}

export class RestartWatch {
  private readonly counts = new Map<string, number>();

  constructor(private readonly d: RestartWatchDeps) {}

  /** Containers still coming back in this session, if any. */
  of(id: string): number | undefined {
    return this.counts.get(id);
  }

  /** Reads the engine's list once (so the first view after the resume has it), then follows
   *  it in the background until it is empty. Never throws. */
  async watch(id: string, ref: SandboxRef): Promise<void> {
    const until = Date.now() + (this.d.maxMs ?? 120_000);
    if ((await this.read(id, ref)) === 0) return;
    void (async () => {
      while (this.d.stillReady(id) && Date.now() < until) {
        // unref: a closing server does not wait for a watch to see the last container back.
        await new Promise((r) => setTimeout(r, this.d.pollMs ?? 1000).unref());
        if ((await this.read(id, ref)) === 0) return;
      }
    })().finally(() => this.counts.delete(id));
  }

  private async read(id: string, ref: SandboxRef): Promise<number> {
    const n = await this.d.driver.restarting(ref).catch((e: unknown) => {
      this.d.log("warn", "could not read the containers a resume restarts", { id, error: String(e) });
      return 0;
    });
    if (n > 0) this.counts.set(id, n);
    return n;
  }
}
