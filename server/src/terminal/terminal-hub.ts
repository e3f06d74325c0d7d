// Finds or opens the Terminal for (session, terminal name). The driver holds each named shell
// in the sandbox (dtach on Docker), so a dropped socket, an idle detach or a server restart
// only detaches: the next open attaches to the same shell again.
import type { SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";
import { HIGH_WATERMARK_BYTES } from "../../../common/terminal-protocol.ts";
import { Terminal } from "./terminal.ts";

export interface TerminalHubOptions {
  readonly driver: Pick<SandboxDriver, "openTty">;
  readonly onError: (err: unknown) => void;
  readonly replayBytes?: number;
  readonly idleMs?: number;
  readonly resizeDebounceMs?: number;
  readonly inputGateMs?: number;
  /** Seeds seq numbers; injectable for tests. */
  readonly now?: () => number;
  /** Told of each terminal opened and of its output (assessment recordings). */
  readonly recorder?: TerminalRecorder;
}

export interface TerminalRecorder {
  opened(sessionId: string, term: string, size: { cols: number; rows: number }): void;
  output(sessionId: string, term: string, data: string): void;
}

/** Names become socket names in the sandbox and URL segments: keep them plain. */
export const TERMINAL_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export class TerminalHub {
  private readonly terminals = new Map<string, Promise<Terminal>>();

  constructor(private readonly opts: TerminalHubOptions) {}

  async open(ref: SandboxRef, name: string, size: { cols: number; rows: number }): Promise<Terminal> {
    const key = `${ref.id}/${name}`;
    for (;;) {
      const pending = this.terminals.get(key);
      if (!pending) {
        const opening = this.start(key, ref, name, size);
        this.terminals.set(key, opening);
        opening.catch(() => this.forget(key, opening));
        return opening;
      }
      // Two tabs opening at once share one TtyStream.
      const terminal = await pending;
      if (!terminal.isClosed) return terminal;
      this.forget(key, pending);
    }
  }

  /** Detaches the terminals of one session, e.g. when it ends. */
  async closeSession(sessionId: string): Promise<void> {
    const mine = [...this.terminals].filter(([key]) => key.startsWith(`${sessionId}/`));
    for (const [, pending] of mine) (await pending.catch(() => undefined))?.close();
  }

  /** Tells the terminals of a session that is ending, before its sandbox goes, so their
   *  clients say the session ended rather than that the shell died. */
  async endSession(sessionId: string): Promise<void> {
    const mine = [...this.terminals].filter(([key]) => key.startsWith(`${sessionId}/`));
    for (const [, pending] of mine) (await pending.catch(() => undefined))?.end("the session has ended");
  }

  /** Detaches every terminal (dtach keeps the shells), e.g. at shutdown. */
  async closeAll(): Promise<void> {
    const all = await Promise.allSettled([...this.terminals.values()]);
    for (const r of all) if (r.status === "fulfilled") r.value.close();
    this.terminals.clear();
  }

  private async start(key: string, ref: SandboxRef, name: string, size: { cols: number; rows: number }) {
    if (!TERMINAL_NAME.test(name)) throw new Error(`invalid terminal name: ${name}`);
    const tty = await this.opts.driver.openTty(ref, { name, cols: size.cols, rows: size.rows });
    const recorder = this.opts.recorder;
    recorder?.opened(ref.id, name, size);
    const self: Terminal = new Terminal(tty, {
      cols: size.cols,
      rows: size.rows,
      // Seqs start from the clock so that a later incarnation (after a restart or an idle
      // detach) numbers above any seq a client still holds: the client is then told it
      // missed output instead of silently skipping the new one. 1000 chunks/ms never happens.
      seqBase: (this.opts.now ?? Date.now)() * 1000,
      // Twice the high watermark: a controller that drops with its window full still
      // finds everything it missed here (see Terminal.keepGhost).
      replayBytes: this.opts.replayBytes ?? 2 * HIGH_WATERMARK_BYTES,
      idleMs: this.opts.idleMs ?? 10 * 60_000,
      resizeDebounceMs: this.opts.resizeDebounceMs ?? 50,
      inputGateMs: this.opts.inputGateMs,
      onError: this.opts.onError,
      ...(recorder ? { onOutput: (data: string) => recorder.output(ref.id, name, data) } : {}),
      onClosed: () => void this.terminals.get(key)?.then((t) => t === self && this.terminals.delete(key)),
    });
    return self;
  }

  private forget(key: string, entry: Promise<Terminal>): void {
    if (this.terminals.get(key) === entry) this.terminals.delete(key);
  }
}
