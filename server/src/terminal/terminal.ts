// One shell in a sandbox, shared by every browser tab that shows it. The TtyStream stays
// open while nobody watches (output keeps filling the replay buffer) and is detached after
// an idle period; dtach inside the sandbox keeps the shell either way.
import type { TtyStream } from "../sandbox/sandbox-driver.ts";
import type { ErrorCode, ServerMsg, TerminalMode } from "../../../common/terminal-protocol.ts";
import { HIGH_WATERMARK_BYTES, LOW_WATERMARK_BYTES } from "../../../common/terminal-protocol.ts";
import { DebouncedResize } from "./debounced-resize.ts";
import { InputGate } from "./input-gate.ts";
import { OutputBatcher } from "./output-batcher.ts";
import { ReplayBuffer } from "./replay-buffer.ts";

/** A connected client as the terminal sees it; the socket layer implements it. */
export interface TerminalPeer {
  send(msg: ServerMsg): void;
  /** Sends an error and closes the connection. */
  kick(code: ErrorCode, message: string): void;
  /** Closes the connection normally (after `exit`). */
  end(): void;
}

export interface Attachment {
  input(data: string): void;
  resize(cols: number, rows: number): void;
  ack(bytes: number): void;
  detach(): void;
}

export interface TerminalOptions {
  readonly cols: number;
  readonly rows: number;
  /** First seq is seqBase + 1; see TerminalHub for why it starts high. */
  readonly seqBase: number;
  readonly replayBytes: number;
  readonly idleMs: number;
  readonly resizeDebounceMs: number;
  /** How long new input may wait for the shell to draw first (see InputGate); 0 = never. */
  readonly inputGateMs?: number;
  /** How long a controller that dropped still holds the flow (see keepGhost). */
  readonly reconnectGraceMs?: number;
  readonly onClosed: () => void;
  readonly onError: (err: unknown) => void;
  /** Every chunk of output, as viewers get it (an assessment task's recording). */
  readonly onOutput?: (data: string) => void;
}

interface PeerState {
  readonly mode: TerminalMode;
  unacked: number;
}

/** A viewer this far behind is dropped (it reconnects and replays) rather than stall the shell. */
const VIEWER_MAX_LAG = 2 * HIGH_WATERMARK_BYTES;

export class Terminal {
  private readonly decoder = new TextDecoder("utf-8");
  private readonly replay: ReplayBuffer;
  private readonly peers = new Map<TerminalPeer, PeerState>();
  private controller: TerminalPeer | undefined;
  /** The flow-control account of a controller that dropped and may come back. */
  private ghost: { unacked: number; timer: NodeJS.Timeout } | undefined;
  private paused = false;
  private readonly resizer: DebouncedResize;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly batcher = new OutputBatcher((data) => this.output(data));
  private readonly gate: Pick<InputGate, "output" | "input" | "cancel">;

  constructor(
    private readonly tty: TtyStream,
    private readonly opts: TerminalOptions,
  ) {
    this.replay = new ReplayBuffer(opts.replayBytes, opts.seqBase + 1);
    const size = { cols: opts.cols, rows: opts.rows };
    this.resizer = new DebouncedResize(tty, opts.resizeDebounceMs, size, opts.onError, (s) =>
      this.toViewers({ t: "size", ...s }),
    );
    // stream: true holds back a character split across chunks until its last byte comes.
    const gateMs = opts.inputGateMs ?? 3000;
    this.gate = gateMs > 0 ? new InputGate((d) => tty.write(d), 150, gateMs) : openGate(tty);
    tty.onData((chunk) => {
      this.gate.output();
      this.batcher.push(this.decoder.decode(chunk, { stream: true }));
    });
    tty.onExit((code) => this.exited(code));
    this.armIdle();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  attach(peer: TerminalPeer, hello: { mode: TerminalMode; lastSeq: number; cols: number; rows: number }) {
    clearTimeout(this.idleTimer);
    const state: PeerState = { mode: hello.mode, unacked: 0 };
    if (hello.mode === "control") {
      const previous = this.controller;
      this.controller = peer;
      this.dropGhost();
      if (previous) {
        this.peers.delete(previous);
        previous.kick("hijacked", "another window took control of this terminal");
      }
      this.resizer.request(hello.cols, hello.rows);
    }
    const { chunks, truncated } = this.replay.since(hello.lastSeq);
    peer.send({ t: "ready", seq: this.replay.seq, truncated });
    if (hello.mode === "view") peer.send({ t: "size", ...this.resizer.current });
    for (const c of chunks) {
      peer.send({ t: "out", seq: c.seq, data: c.data });
      state.unacked += c.bytes;
    }
    this.peers.set(peer, state);
    this.flow();
    return this.attachment(peer, state);
  }

  /** The session is over: every peer is told so (not that its shell died) and let go. */
  end(message: string): void {
    if (this.closed) return;
    for (const peer of this.peers.keys()) peer.kick("ended", message);
    this.peers.clear();
    this.close();
  }

  /** Detaches from the process; the dtach-held shell inside the sandbox lives on. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.batcher.cancel();
    clearTimeout(this.idleTimer);
    this.dropGhost();
    this.gate.cancel();
    this.resizer.cancel();
    this.tty.close();
    this.opts.onClosed();
  }

  private attachment(peer: TerminalPeer, state: PeerState): Attachment {
    const controls = () => this.controller === peer && !this.closed;
    return {
      // Input is never held back by flow control, so Ctrl-C reaches a flooding process.
      input: (data) => controls() && this.gate.input(data),
      resize: (cols, rows) => controls() && this.resizer.request(cols, rows),
      ack: (bytes) => {
        state.unacked = Math.max(0, state.unacked - bytes);
        this.flow();
      },
      detach: () => {
        if (!this.peers.delete(peer)) return;
        if (this.controller === peer) {
          this.controller = undefined;
          this.keepGhost(state.unacked);
        }
        this.flow();
        if (this.peers.size === 0) this.armIdle();
      },
    };
  }

  private toViewers(msg: ServerMsg): void {
    for (const [peer, state] of this.peers) if (state.mode === "view") peer.send(msg);
  }

  private output(data: string): void {
    if (data === "" || this.closed) return;
    this.opts.onOutput?.(data);
    const chunk = this.replay.push(data);
    if (this.ghost) this.ghost.unacked += chunk.bytes;
    for (const [peer, state] of this.peers) {
      peer.send({ t: "out", seq: chunk.seq, data: chunk.data });
      state.unacked += chunk.bytes;
      if (state.mode === "view" && state.unacked > VIEWER_MAX_LAG) {
        this.peers.delete(peer);
        peer.kick("unavailable", "viewer fell behind; reconnect to catch up");
      }
    }
    this.flow();
  }

  /** Only the controller gates the process: a slow viewer must not freeze the learner's shell. */
  private flow(): void {
    const gate = (this.controller && this.peers.get(this.controller)) ?? this.ghost;
    if (!this.paused && gate && gate.unacked > HIGH_WATERMARK_BYTES) {
      this.paused = true;
      this.tty.pause();
    } else if (this.paused && (!gate || gate.unacked < LOW_WATERMARK_BYTES)) {
      this.paused = false;
      this.tty.resume();
    }
  }

  /** A dropped controller (a network blip, a reload) keeps holding the flow for a while, so
   *  its reconnect replays everything it missed from the buffer: no gap. The replay buffer is
   *  larger than the high watermark for that reason. After the grace period output flows
   *  again, and a client that returns later is told it missed some. */
  private keepGhost(unacked: number): void {
    this.dropGhost();
    const timer = setTimeout(() => {
      this.ghost = undefined;
      this.flow();
    }, this.opts.reconnectGraceMs ?? 60_000);
    timer.unref();
    this.ghost = { unacked, timer };
  }

  private dropGhost(): void {
    clearTimeout(this.ghost?.timer);
    this.ghost = undefined;
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), this.opts.idleMs);
    this.idleTimer.unref();
  }

  private exited(code: number | null): void {
    if (this.closed) return;
    this.batcher.push(this.decoder.decode());
    this.batcher.flush();
    for (const peer of this.peers.keys()) {
      peer.send({ t: "exit", code });
      peer.end();
    }
    this.peers.clear();
    this.close();
  }
}

const openGate = (tty: TtyStream) => ({
  output() {},
  cancel() {},
  input: (d: string | Buffer) => tty.write(d),
});
