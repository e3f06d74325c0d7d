// Runs TypeScript checkers out of the server's process: bundle (cached by content), a fresh
// process per run in a run folder of its own, the folder removed afterwards. Starting node
// costs 100 ms or more on a busy two-core machine, so after a run one process with the
// default permissions is started ahead for the next (a spare, never reused: each run gets a
// new one), dropped after a minute without runs.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CheckContext } from "../check-context.ts";
import { bundleModule, CheckerBundler } from "./checker-bundler.ts";
import { CheckerProcess, type Outcome } from "./checker-process.ts";
import { RunFolders } from "./run-folders.ts";

export interface CheckerRun {
  /** The checker's .ts file. */
  readonly file: string;
  /** Paths in bundling errors are shown relative to this (the lab folder, or checkers/). */
  readonly shownFrom: string;
  readonly args: Record<string, unknown>;
  readonly timeoutMs: number;
  readonly allowChildProcess: boolean;
  readonly allowWorker: boolean;
}

export interface ScriptRunnerOptions {
  /** Where run folders are made (default: the OS temp folder). */
  readonly base?: string;
  readonly heapMiB?: number;
  readonly rssMiB?: number;
  /** Keep a process started ahead of the next run (default true). */
  readonly spare?: boolean;
}

const SPARE_IDLE_MS = 60_000;
const HARNESS = resolve(import.meta.dirname, "checker-harness.ts");

export class ScriptRunner {
  private readonly bundler = new CheckerBundler();
  private readonly heapMiB: number;
  private readonly rssMiB: number;
  private harness: Promise<string> | undefined;
  private readonly folders: RunFolders;
  /** Every process started and not yet discarded, spare included. */
  private readonly live = new Set<CheckerProcess>();
  private spare: CheckerProcess | undefined;
  private spareTimer: NodeJS.Timeout | undefined;
  /** Bumped by close(), so a spare still starting then is not kept. */
  private generation = 0;

  constructor(private readonly o: ScriptRunnerOptions = {}) {
    this.heapMiB = o.heapMiB ?? 128;
    this.rssMiB = o.rssMiB ?? 256;
    this.folders = new RunFolders(o.base ?? tmpdir());
  }

  /** Never throws: whatever goes wrong is a failed outcome with the reason. */
  async run(r: CheckerRun, ctx: CheckContext): Promise<Outcome> {
    const bundle = await this.bundler.bundle(r.file, r.shownFrom);
    if (!bundle.ok) return { pass: false, errors: [bundle.error] };
    let proc: CheckerProcess | undefined;
    try {
      proc = await this.take(r.allowChildProcess, r.allowWorker);
      const file = join(proc.opts.dir, "checker.mjs");
      await writeFile(file, bundle.code, { mode: 0o444 });
      const out = await proc.run(file, r.args, ctx, { timeoutMs: r.timeoutMs, rssMiB: this.rssMiB });
      // Stack locations name the checker's sources; show them as the lab author wrote them.
      return { pass: out.pass, errors: out.errors.map((e) => e.replaceAll(`${r.shownFrom}/`, "")) };
    } catch (e) {
      return { pass: false, errors: [`could not run: ${e instanceof Error ? e.message : String(e)}`] };
    } finally {
      // The result does not wait for the cleanup (proc.run has killed it already), and the
      // next spare starts once this run no longer competes with it for the CPU.
      if (proc) void this.discard(proc);
      if (this.usesSpare(r)) void this.refill();
    }
  }

  /** Run folders that exist now (a run's, until it ends). */
  get folderList(): readonly string[] {
    return this.folders.current;
  }

  /** Kills every checker process (runs in flight fail) and removes the run folders;
   *  synchronous so it can run as the server's process exits. */
  close(): void {
    this.generation++;
    clearTimeout(this.spareTimer);
    this.spare = undefined;
    for (const p of this.live) p.kill();
    this.live.clear();
    this.folders.removeAll();
  }

  private usesSpare(r: Pick<CheckerRun, "allowChildProcess" | "allowWorker">): boolean {
    return !r.allowChildProcess && !r.allowWorker && this.o.spare !== false;
  }

  private take(allowChildProcess: boolean, allowWorker: boolean): Promise<CheckerProcess> {
    if (!this.usesSpare({ allowChildProcess, allowWorker }))
      return this.start(allowChildProcess, allowWorker);
    // Taken before any await, so two checks starting together never share a process.
    const taken = this.spare;
    this.spare = undefined;
    if (taken?.alive) return Promise.resolve(taken);
    if (taken) void this.discard(taken);
    return this.start(false, false);
  }

  private async refill(): Promise<void> {
    const generation = this.generation;
    const next = await this.start(false, false).catch(() => undefined);
    if (!next) return;
    if (this.spare || generation !== this.generation) return this.discard(next);
    this.spare = next;
    clearTimeout(this.spareTimer);
    this.spareTimer = setTimeout(() => void this.dropSpare(), SPARE_IDLE_MS).unref();
  }

  private async start(allowChildProcess: boolean, allowWorker: boolean): Promise<CheckerProcess> {
    this.harness ??= bundleModule(HARNESS, { sourcemap: false }).then((b) => b.code);
    const harness = await this.harness.catch((e: unknown) => {
      this.harness = undefined;
      throw e;
    });
    const p = new CheckerProcess({
      dir: await this.folders.make(),
      harness,
      heapMiB: this.heapMiB,
      allowChildProcess,
      allowWorker,
    });
    this.live.add(p);
    return p;
  }

  private async dropSpare(): Promise<void> {
    const spare = this.spare;
    this.spare = undefined;
    if (spare) await this.discard(spare);
  }

  /** Kills, waits for the exit, removes its folder; never throws (it runs unawaited). */
  private async discard(p: CheckerProcess): Promise<void> {
    p.kill();
    await p.exited();
    this.live.delete(p);
    await this.folders.remove(p.opts.dir).catch(() => undefined);
  }
}
