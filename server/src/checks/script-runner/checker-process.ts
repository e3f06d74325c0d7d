// One checker process, for one run (checker-command.ts says what it may do): it answers the
// checker's context calls, and ends the run at its verdict, its timeout, the memory cap, the
// context's abort or its own death, whichever comes first, killing it in every case. It may
// be started ahead of its run (a warm spare), since startup is most of its cost.
import { spawn, type ChildProcess } from "node:child_process";
import type { Readable } from "node:stream";
import type { CheckContext } from "../check-context.ts";
import { answerCall } from "./checker-calls.ts";
import { checkerCommand, type ProcessOptions } from "./checker-command.ts";
import { isolatedCommand } from "./checker-isolation.ts";
import { fromCheckerSchema, type FromChecker, type ToChecker } from "./checker-protocol.ts";
import { lineReader } from "./line-reader.ts";
import { watchMemory } from "./watch-memory.ts";

export interface RunLimits {
  readonly timeoutMs: number;
  /** Resident memory, which also counts Buffers the heap cap does not. */
  readonly rssMiB: number;
}

export interface Outcome {
  readonly pass: boolean;
  readonly errors: readonly string[];
}

/** Calls a checker may have waiting at once; more is a runaway loop, not a check. */
const MAX_IN_FLIGHT = 32;
const MAX_LINE = 4 * 1024 * 1024;

export class CheckerProcess {
  private readonly child: ChildProcess;
  private stderrTail = "";
  private spawnError: Error | undefined;
  private closed = false;
  private listener: { message(m: FromChecker): void; gone(why: string): void } | undefined;

  constructor(readonly opts: ProcessOptions) {
    const { args, env } = checkerCommand(opts);
    const command = isolatedCommand(args);
    this.child = spawn(command.file, command.args, {
      cwd: opts.dir,
      env,
      stdio: "pipe",
      // Its own process group, so a kill also ends whatever it was allowed to start.
      detached: true,
    });
    const { stdin, stdout, stderr } = this.child as ChildProcess & Record<"stdout" | "stderr", Readable>;
    this.child.on("error", (e) => (this.spawnError = e));
    stdin?.on("error", () => undefined); // writes to a process that died; its exit is reported
    lineReader(
      stdout,
      MAX_LINE,
      (line) => this.receive(line),
      () => this.listener?.gone(`sent a line over ${MAX_LINE} bytes`),
    );
    stderr
      .setEncoding("utf8")
      .on("data", (s: string) => (this.stderrTail = (this.stderrTail + s).slice(-4096)));
    this.child.on("close", () => ((this.closed = true), this.listener?.gone(this.exitReason())));
    // A spare must not keep the server's process alive; it exits when its stdin closes.
    this.child.unref();
    for (const s of [stdin, stdout, stderr]) (s as unknown as { unref?: () => void })?.unref?.();
  }

  /** Resolves once the process has exited (at once if it never started). */
  exited(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null || this.child.pid === undefined)
      return Promise.resolve();
    // Unref'd, its exit would not keep an otherwise idle process waiting for it.
    this.child.ref();
    return new Promise((resolve) => this.child.once("exit", () => resolve()));
  }

  get alive(): boolean {
    return !this.closed && this.spawnError === undefined && this.child.exitCode === null;
  }

  /** Runs the bundled checker at `file` (in its folder) against the real context. */
  run(file: string, args: Record<string, unknown>, ctx: CheckContext, limits: RunLimits): Promise<Outcome> {
    return new Promise((resolve) => {
      const inFlight = new Set<number>();
      const finish = (o: Outcome) => {
        if (!this.listener) return;
        this.listener = undefined;
        clearTimeout(timer);
        stopWatching();
        ctx.signal.removeEventListener("abort", cancel);
        this.kill();
        resolve(o);
      };
      const fail = (message: string) => finish({ pass: false, errors: [message] });
      const cancel = () => fail("cancelled: the session's checks stopped");
      this.listener = {
        gone: fail,
        message: (m) => {
          if (m.t === "done") return finish({ pass: m.pass, errors: m.errors.slice(0, 20).map(clip) });
          if (m.t === "error") return fail(clip(m.message));
          if (inFlight.size >= MAX_IN_FLIGHT)
            return this.send({
              t: "reply",
              id: m.id,
              ok: false,
              error: `over ${MAX_IN_FLIGHT} calls at once`,
            });
          inFlight.add(m.id);
          answerCall(ctx, m.method, m.params)
            .then((value) => this.send({ t: "reply", id: m.id, ok: true, value }))
            .catch((e: unknown) => this.send({ t: "reply", id: m.id, ok: false, error: errorText(e) }))
            .finally(() => inFlight.delete(m.id));
        },
      };
      const timer = setTimeout(() => fail(`timed out after ${limits.timeoutMs} ms`), limits.timeoutMs);
      const stopWatching = watchMemory(this.child.pid, limits.rssMiB, () =>
        fail(`ran out of memory (used over ${limits.rssMiB} MiB)`),
      );
      ctx.signal.addEventListener("abort", cancel, { once: true });
      if (ctx.signal.aborted) cancel();
      else if (!this.alive) fail(this.exitReason());
      else this.send({ t: "run", file, args });
    });
  }

  /** Ends the process and everything it started; safe to call at any time. */
  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined || this.closed) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  private send(m: ToChecker): void {
    if (this.alive) this.child.stdin?.write(`${JSON.stringify(m)}\n`);
  }

  /** Lines that are not protocol messages are ignored: the checker's stdout goes to stderr. */
  private receive(line: string): void {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return;
    }
    const m = fromCheckerSchema.safeParse(json);
    if (m.success) this.listener?.message(m.data);
  }

  private exitReason(): string {
    if (this.spawnError) return `could not start node: ${this.spawnError.message}`;
    if (/heap out of memory|Reached heap limit/.test(this.stderrTail))
      return `ran out of memory (its heap is capped at ${this.opts.heapMiB} MiB)`;
    const { exitCode, signalCode } = this.child;
    const how = exitCode !== null ? `exited (code ${exitCode})` : `was killed (${signalCode})`;
    const last = this.stderrTail.trim().split("\n").at(-1)?.slice(0, 300);
    return `${how} before returning a result${last ? `; it printed: ${last}` : ""}`;
  }
}

/** What the checker says is shown to learners: bounded, whatever it sends. */
const clip = (text: string) => (text.length > 1000 ? `${text.slice(0, 1000)}…` : text);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
