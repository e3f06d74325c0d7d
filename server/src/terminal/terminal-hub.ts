// Finds or opens the Terminal for (session, terminal name). The shell runs under tmux inside
// the sandbox, so a dropped socket, an idle detach or a server restart only detaches: the next
// open attaches to the same tmux session again (new-session -A).
import type { SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";
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
}

/** Names become tmux session names and URL segments: keep them plain. */
export const TERMINAL_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** The size goes in before tmux starts: Docker's exec create has no console size (API 1.41),
 *  and a shell that starts at 80x24 and is resized later draws its first prompt wrapped. */
export function tmuxCommand(name: string, cols: number, rows: number): string[] {
  if (!TERMINAL_NAME.test(name)) throw new Error(`invalid terminal name: ${name}`);
  const c = Math.trunc(cols);
  const r = Math.trunc(rows);
  return ["sh", "-c", `stty cols ${c} rows ${r} 2>/dev/null; exec tmux -u new-session -A -s ${name}`];
}

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

  /** Detaches every terminal (tmux keeps the shells), e.g. at shutdown. */
  async closeAll(): Promise<void> {
    const all = await Promise.allSettled([...this.terminals.values()]);
    for (const r of all) if (r.status === "fulfilled") r.value.close();
    this.terminals.clear();
  }

  private async start(key: string, ref: SandboxRef, name: string, size: { cols: number; rows: number }) {
    const tty = await this.opts.driver.openTty(ref, {
      cmd: tmuxCommand(name, size.cols, size.rows),
      ...size,
    });
    const self: Terminal = new Terminal(tty, {
      ...size,
      // Seqs start from the clock so that a later incarnation (after a restart or an idle
      // detach) numbers above any seq a client still holds: the client is then told it
      // missed output instead of silently skipping the new one. 1000 chunks/ms never happens.
      seqBase: (this.opts.now ?? Date.now)() * 1000,
      replayBytes: this.opts.replayBytes ?? 1024 * 1024,
      idleMs: this.opts.idleMs ?? 10 * 60_000,
      resizeDebounceMs: this.opts.resizeDebounceMs ?? 50,
      inputGateMs: this.opts.inputGateMs,
      onError: this.opts.onError,
      onClosed: () => void this.terminals.get(key)?.then((t) => t === self && this.terminals.delete(key)),
    });
    return self;
  }

  private forget(key: string, entry: Promise<Terminal>): void {
    if (this.terminals.get(key) === entry) this.terminals.delete(key);
  }
}
