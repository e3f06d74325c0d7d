// What the terminal layer needs from the rest of Slipway; app.ts wires it.
import type { SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";

/** Structural subset of a pino logger, so tests can pass a stub. */
export interface TerminalLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface TerminalServerDeps {
  /** Checks the token from `hello` against the session; the sandbox it names if allowed. */
  authorize(sessionId: string, token: string): Promise<{ ref: SandboxRef } | "forbidden" | "not-found">;
  driver: Pick<SandboxDriver, "openTty">;
  /** Called on learner input, so the session's idle timer can be pushed back. */
  onActivity(sessionId: string): void;
  log: TerminalLog;
}

export interface TerminalServerOptions {
  /** ws ping interval; a socket that misses two pongs is terminated. */
  readonly heartbeatMs?: number;
  /** A socket that has not said hello by then is closed. */
  readonly helloTimeoutMs?: number;
  readonly idleMs?: number;
  readonly replayBytes?: number;
  readonly resizeDebounceMs?: number;
  /** How long input waits for a new shell to draw first; 0 turns the gate off (fake ttys). */
  readonly inputGateMs?: number;
}
