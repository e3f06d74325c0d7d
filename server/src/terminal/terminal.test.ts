import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServerMsg } from "../../../common/terminal-protocol.ts";
import { HIGH_WATERMARK_BYTES, LOW_WATERMARK_BYTES } from "../../../common/terminal-protocol.ts";
import { FakeTty } from "./fake-tty.test-helper.ts";
import { Terminal, type TerminalPeer } from "./terminal.ts";

class Peer implements TerminalPeer {
  readonly msgs: ServerMsg[] = [];
  kicked: string | undefined;
  send(msg: ServerMsg) {
    this.msgs.push(msg);
  }
  kick(code: string) {
    this.kicked = code;
  }
  end() {}
}

const CHUNK = "y\n".repeat(32 * 1024); // 64 KiB
const hello = { mode: "control" as const, lastSeq: 0, cols: 80, rows: 24 };

function setup(over: { idleMs?: number; replayBytes?: number; reconnectGraceMs?: number } = {}) {
  const tty = new FakeTty({ name: "main", cols: 80, rows: 24 });
  const closed = vi.fn();
  const terminal = new Terminal(tty, {
    cols: 80,
    rows: 24,
    seqBase: 1000,
    replayBytes: over.replayBytes ?? 1024 * 1024,
    idleMs: over.idleMs ?? 60_000,
    reconnectGraceMs: over.reconnectGraceMs,
    resizeDebounceMs: 10,
    inputGateMs: 0,
    onClosed: closed,
    onError: () => {},
  });
  return { tty, terminal, closed };
}

/** Like a real stream: emits only while not paused. */
function flood(tty: FakeTty, maxChunks: number): number {
  let n = 0;
  while (!tty.paused && n < maxChunks) {
    tty.emit(CHUNK);
    n++;
  }
  return n;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Terminal flow control", () => {
  it("pauses above the high watermark and resumes below the low one after acks", () => {
    const { tty, terminal } = setup();
    const a = terminal.attach(new Peer(), hello);
    const chunks = flood(tty, 10_000);
    expect(tty.paused).toBe(true);
    expect(chunks * CHUNK.length).toBeGreaterThan(HIGH_WATERMARK_BYTES);
    expect(chunks * CHUNK.length).toBeLessThanOrEqual(HIGH_WATERMARK_BYTES + CHUNK.length);
    // Ctrl-C gets through while output is held back.
    a.input("\x03");
    expect(tty.written).toEqual(["\x03"]);
    let unacked = chunks * CHUNK.length;
    while (unacked >= LOW_WATERMARK_BYTES) {
      expect(tty.paused).toBe(true);
      a.ack(256 * 1024);
      unacked -= 256 * 1024;
    }
    expect(tty.paused).toBe(false);
  });

  it("holds bounded memory while a tty floods a client that never acks", () => {
    const { tty, terminal } = setup();
    const peer = new Peer();
    terminal.attach(peer, hello);
    for (let round = 0; round < 20; round++) flood(tty, 10_000);
    const sent = peer.msgs.reduce((n, m) => n + (m.t === "out" ? m.data.length : 0), 0);
    expect(sent).toBeLessThanOrEqual(HIGH_WATERMARK_BYTES + CHUNK.length);
  });

  it("holds the flow for a dropped controller until it returns, and replays what it missed", () => {
    const { tty, terminal } = setup({ replayBytes: 2 * HIGH_WATERMARK_BYTES });
    const first = new Peer();
    const a = terminal.attach(first, hello);
    flood(tty, 10_000);
    const lastSeen = first.msgs.at(-1)?.t === "out" ? (first.msgs.at(-1) as { seq: number }).seq : 0;
    a.detach(); // the socket dropped; everything in flight is lost
    expect(tty.paused).toBe(true);
    const back = new Peer();
    terminal.attach(back, { ...hello, lastSeq: lastSeen - 30 }); // the last 30 never arrived
    expect(back.msgs[0]).toMatchObject({ t: "ready", truncated: false });
    expect(back.msgs).toHaveLength(1 + 30);
  });

  it("lets output flow again after the grace period, and a slow viewer does not stall the shell", () => {
    vi.useFakeTimers();
    const { tty, terminal } = setup({ reconnectGraceMs: 5000 });
    const a = terminal.attach(new Peer(), hello);
    const viewer = new Peer();
    terminal.attach(viewer, { ...hello, mode: "view" });
    flood(tty, 10_000);
    a.detach();
    vi.advanceTimersByTime(4999);
    expect(tty.paused).toBe(true);
    vi.advanceTimersByTime(1);
    expect(tty.paused).toBe(false);
    flood(tty, 200); // nobody gates now; the never-acking viewer is dropped, not buffered forever
    expect(viewer.kicked).toBe("unavailable");
  });
});

describe("Terminal lifecycle", () => {
  it("replays after lastSeq and says when output was lost", () => {
    const { tty, terminal } = setup();
    for (let i = 0; i < 40; i++) tty.emit(CHUNK); // 2.5 MiB into a 1 MiB buffer
    const late = new Peer();
    terminal.attach(late, { ...hello, lastSeq: 1001 });
    expect(late.msgs[0]).toEqual({ t: "ready", seq: 1040, truncated: true });
    expect(late.msgs[1]).toMatchObject({ t: "out", seq: 1025 });
    expect(late.msgs).toHaveLength(1 + 16);
  });

  it("detaches after the idle period with no clients, not before", () => {
    vi.useFakeTimers();
    const { tty, terminal, closed } = setup({ idleMs: 1000 });
    const a = terminal.attach(new Peer(), hello);
    vi.advanceTimersByTime(5000);
    expect(tty.closed).toBe(false);
    a.detach();
    vi.advanceTimersByTime(999);
    expect(tty.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(tty.closed).toBe(true);
    expect(closed).toHaveBeenCalledOnce();
  });
});
