import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServerMsg } from "../../../common/terminal-protocol.ts";
import { backoffDelay } from "./backoff.ts";
import { TerminalConnection, type ConnectionStatus } from "./terminal-connection.ts";

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(msg: ServerMsg) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

const last = () => FakeSocket.all.at(-1) as FakeSocket;
let statuses: ConnectionStatus[];
let output: string[];
let replayed: boolean[];
let conn: TerminalConnection;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  statuses = [];
  output = [];
  replayed = [];
  conn = new TerminalConnection({
    url: "ws://x/api/sessions/s1/terminals/main",
    token: "tok",
    term: "main",
    size: () => ({ cols: 90, rows: 30 }),
    onOutput: (data, done, fromReplay) => {
      output.push(data);
      replayed.push(fromReplay);
      done();
    },
    onStatus: (s) => statuses.push(s),
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    random: () => 1,
  });
  conn.connect();
  last().open();
});
afterEach(() => {
  conn.close();
  vi.useRealTimers();
});

describe("TerminalConnection", () => {
  it("says hello, then resumes from the last seq after a drop", () => {
    expect(last().sent[0]).toEqual({
      t: "hello",
      token: "tok",
      term: "main",
      cols: 90,
      rows: 30,
      lastSeq: 0,
      mode: "control",
    });
    last().receive({ t: "ready", seq: 0, truncated: false });
    last().receive({ t: "out", seq: 7, data: "a" });
    last().receive({ t: "out", seq: 8, data: "b" });
    last().close();
    expect(statuses.at(-1)).toMatchObject({ state: "reconnecting" });
    vi.advanceTimersByTime(backoffDelay(0, () => 1));
    expect(FakeSocket.all).toHaveLength(2);
    last().open();
    expect(last().sent[0]).toMatchObject({ t: "hello", lastSeq: 8 });
    expect(output).toEqual(["a", "b"]);
  });

  it("marks the output that was held before ready as replayed", () => {
    last().receive({ t: "ready", seq: 11, truncated: false });
    for (const seq of [10, 11, 12]) last().receive({ t: "out", seq, data: "x" });
    expect(replayed).toEqual([true, true, false]);
  });

  it("acks consumed output in 256 KiB steps", () => {
    last().receive({ t: "ready", seq: 0, truncated: false });
    const big = "x".repeat(100 * 1024);
    for (let i = 1; i <= 3; i++) last().receive({ t: "out", seq: i, data: big });
    expect(last().sent.filter((m) => m.t === "ack")).toEqual([{ t: "ack", bytes: 300 * 1024 }]);
  });

  it("stops on hijack but retries when the server is unavailable", () => {
    last().receive({ t: "error", code: "unavailable", message: "later" });
    last().close();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(2);
    last().open();
    last().receive({ t: "error", code: "hijacked", message: "taken" });
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(statuses.at(-1)).toEqual({ state: "closed", reason: "taken", code: "hijacked" });
  });

  it("reports a gap only to a client that had seen output", () => {
    const gaps: number[] = [];
    const c = new TerminalConnection({
      url: "ws://x",
      token: "t",
      term: "main",
      size: () => ({ cols: 1, rows: 1 }),
      onOutput: (_d, done) => done(),
      onStatus: () => {},
      onGap: () => gaps.push(1),
      WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    });
    c.connect();
    last().open();
    last().receive({ t: "ready", seq: 5, truncated: true });
    last().receive({ t: "out", seq: 5, data: "z" });
    last().close();
    vi.advanceTimersByTime(10_000);
    last().open();
    last().receive({ t: "ready", seq: 99, truncated: true });
    expect(gaps).toEqual([1]);
    c.close();
  });
});

describe("backoffDelay", () => {
  it("doubles from 250 ms to 5 s with jitter in the upper half", () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((a) => backoffDelay(a, () => 1))).toEqual([
      250, 500, 1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffDelay(0, () => 0)).toBe(125);
  });
});
