// What the terminal layer needs from the rest of Slipway; app.ts wires it.
import type { IncomingMessage } from "node:http";
import type { TerminalMode } from "../../../common/terminal-protocol.ts";
import type { SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";
import type { TerminalRecorder } from "./terminal-hub.ts";

/** What a hello's token allows. */
export interface TerminalGrant {
  readonly ref: SandboxRef;
  /** `view`: the socket only watches, whatever mode its hello asked for. */
  readonly scope: TerminalMode;
  /** Calls back once if the token is revoked (the socket is then closed); returns the
   *  unsubscribe. Absent for a token that cannot be revoked. */
  onRevoked?(listener: () => void): () => void;
}

/** Structural subset of a pino logger, so tests can pass a stub. */
export interface TerminalLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface TerminalServerDeps {
  /** Checks the token from `hello` against the session; the sandbox it names if allowed. */
  authorize(sessionId: string, token: string): Promise<TerminalGrant | "forbidden" | "not-found">;
  driver: Pick<SandboxDriver, "openTty">;
  /** Called on learner input, so the session's idle timer can be pushed back. */
  onActivity(sessionId: string): void;
  log: TerminalLog;
  /** Records the terminals of some sessions (an assessment's tasks). */
  recorder?: TerminalRecorder;
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
  /** Upgrades this server answers (or refuses); others are left to their own handler. By
   *  default every upgrade on the http server. Preview hosts' websockets go to the learner's
   *  app, never here. */
  readonly serves?: (req: IncomingMessage) => boolean;
}
