// The browser side of the terminal protocol: keeps one logical terminal alive over as many
// websockets as it takes. It remembers the last seq it saw, so each reconnect asks the server
// for exactly what was missed, and it acks output only once the screen has consumed it.
import type { ErrorCode, ServerMsg, TerminalMode } from "../../../common/terminal-protocol.ts";
import { ACK_EVERY_BYTES, utf8Length } from "../../../common/terminal-protocol.ts";
import { backoffDelay } from "./backoff.ts";

export type ConnectionStatus =
  | { readonly state: "connecting" }
  | { readonly state: "connected" }
  | { readonly state: "reconnecting"; readonly at: number }
  | { readonly state: "closed"; readonly reason: string; readonly code: ErrorCode | "exit" | "closed" };

export interface TerminalConnectionOptions {
  readonly url: string;
  readonly token: string;
  readonly term: string;
  readonly mode?: TerminalMode;
  readonly size: () => { cols: number; rows: number };
  /** Call `done` once the data is on screen; acks (and so the server's flow) wait for it.
   *  `replayed`: output the server held before this socket's `ready` (history, not live). */
  readonly onOutput: (data: string, done: () => void, replayed: boolean) => void;
  readonly onStatus: (status: ConnectionStatus) => void;
  /** (Viewers) the size the controller's shell draws for. */
  readonly onSize?: (cols: number, rows: number) => void;
  /** Output was lost while away (the replay buffer had moved on). */
  readonly onGap?: () => void;
  readonly WebSocketImpl?: typeof WebSocket;
  readonly random?: () => number;
}

/** These will not get better by retrying. `unavailable` will, so it is not here. */
const FATAL: ReadonlySet<string> = new Set(["forbidden", "not-found", "hijacked", "bad-message", "ended"]);
const PING_MS = 15_000;
/** Browsers notice a dead connection late; silence this long means it is gone. */
const SILENCE_MS = 40_000;

export class TerminalConnection {
  private ws: WebSocket | undefined;
  private lastSeq = 0;
  /** The newest seq the server held at `ready`: chunks up to it are the replay. */
  private replayUpTo = 0;
  private attempt = 0;
  /** Bumped per socket, so a late `done` from an old socket does not ack on a new one. */
  private generation = 0;
  private unacked = 0;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;

  constructor(private readonly opts: TerminalConnectionOptions) {}

  connect(): void {
    this.stopped = false;
    clearTimeout(this.retryTimer);
    this.opts.onStatus({ state: "connecting" });
    const Impl = this.opts.WebSocketImpl ?? WebSocket;
    const ws = new Impl(this.opts.url);
    const gen = ++this.generation;
    this.ws = ws;
    this.unacked = 0;
    ws.onopen = () => {
      const { cols, rows } = this.opts.size();
      const { token, term } = this.opts;
      this.send({
        t: "hello",
        token,
        term,
        cols,
        rows,
        lastSeq: this.lastSeq,
        mode: this.opts.mode ?? "control",
      });
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (gen !== this.generation || typeof ev.data !== "string") return;
      this.lastHeard = Date.now();
      this.receive(JSON.parse(ev.data) as ServerMsg, gen);
    };
    ws.onclose = () => {
      if (gen !== this.generation) return;
      this.ws = undefined;
      clearInterval(this.pingTimer);
      if (!this.stopped) this.retry();
    };
  }

  /** Keystrokes typed while disconnected are dropped: replaying them later would surprise. */
  input(data: string): void {
    this.send({ t: "in", data });
  }

  resize(cols: number, rows: number): void {
    this.send({ t: "resize", cols, rows });
  }

  close(): void {
    this.stop({ state: "closed", reason: "closed", code: "closed" });
  }

  private receive(msg: ServerMsg, gen: number): void {
    switch (msg.t) {
      case "ready":
        this.attempt = 0;
        this.replayUpTo = msg.seq;
        this.opts.onStatus({ state: "connected" });
        if (msg.truncated && this.lastSeq > 0) this.opts.onGap?.();
        this.startPings();
        return;
      case "out": {
        // The server replays exactly what follows lastSeq, so no dedupe here: after a gap
        // (a new incarnation of the terminal) seqs may even be unrelated to ours.
        this.lastSeq = msg.seq;
        const bytes = utf8Length(msg.data);
        this.opts.onOutput(msg.data, () => this.consumed(bytes, gen), msg.seq <= this.replayUpTo);
        return;
      }
      case "exit":
        return this.stop({
          state: "closed",
          // No code when the server could not learn one (dtach's master ended): not "killed",
          // which after a plain `exit` would alarm for nothing.
          reason: msg.code === null ? "the shell ended" : `the shell exited (${msg.code})`,
          code: "exit",
        });
      case "error":
        if (FATAL.has(msg.code)) this.stop({ state: "closed", reason: msg.message, code: msg.code });
        return;
      case "size":
        return this.opts.onSize?.(msg.cols, msg.rows);
      case "pong":
        return;
    }
  }

  private consumed(bytes: number, gen: number): void {
    if (gen !== this.generation) return;
    this.unacked += bytes;
    if (this.unacked < ACK_EVERY_BYTES) return;
    this.send({ t: "ack", bytes: this.unacked });
    this.unacked = 0;
  }

  private send(msg: object): void {
    if (this.ws?.readyState === 1) this.ws.send(JSON.stringify(msg));
  }

  private startPings(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > SILENCE_MS) return this.ws?.close();
      this.send({ t: "ping" });
    }, PING_MS);
  }

  private retry(): void {
    const delay = backoffDelay(this.attempt++, this.opts.random);
    this.opts.onStatus({ state: "reconnecting", at: Date.now() + delay });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private stop(status: ConnectionStatus): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.generation++;
    this.ws?.close();
    this.ws = undefined;
    this.opts.onStatus(status);
  }
}
