import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../../common/terminal-protocol.ts";
import { startHarness, TestClient, until, type Harness } from "./socket-harness.test-helper.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe("terminal server", () => {
  it("opens the named shell at the client's size, relays input and output", async () => {
    const c = await TestClient.hello(h.url("s1", "main"), { cols: 120, rows: 40 });
    await c.next("ready");
    expect(h.driver.last.opts).toEqual({ name: "main", cols: 120, rows: 40 });
    c.send({ t: "in", data: "echo hi\r" });
    await until(() => h.driver.last.written.length > 0);
    expect(h.driver.last.written).toEqual(["echo hi\r"]);
    expect(h.activity).toEqual(["s1"]);
    h.driver.last.emit("hi\r\n$ ");
    await c.next("out");
    expect(c.output()).toBe("hi\r\n$ ");
    c.send({ t: "ping" });
    await c.next("pong");
  });

  it("debounces resizes and passes only the last one", async () => {
    const c = await TestClient.hello(h.url("s1", "main"));
    await c.next("ready");
    for (let i = 1; i <= 10; i++) c.send({ t: "resize", cols: 80 + i, rows: 30 });
    await until(() => h.driver.last.resizes.length > 0);
    await new Promise((r) => setTimeout(r, 60));
    expect(h.driver.last.resizes).toEqual([[90, 30]]);
  });

  it("delivers every byte exactly once, in order, across a drop and reconnect", async () => {
    const url = h.url("s1", "main");
    const first = await TestClient.hello(url);
    await first.next("ready");
    const tty = h.driver.last;
    const expected: string[] = [];
    for (let i = 0; i < 50; i++) tty.emit(`line ${expected.push(`line ${i}\n`) - 1}\n`);
    // Output of one event-loop turn goes out as one message.
    await until(() => first.output().includes("line 49\n"));
    first.ws.terminate();
    await first.closed;
    const seen = first.msgs.flatMap((m) => (m.t === "out" ? [m] : []));
    // Output produced while nobody is connected goes to the replay buffer.
    for (let i = 50; i < 80; i++) tty.emit(`line ${expected.push(`line ${i}\n`) - 1}\n`);
    const lastSeq = seen.at(-1)?.seq ?? 0;
    const second = await TestClient.hello(url, { lastSeq });
    const ready = await second.next("ready");
    expect(ready.truncated).toBe(false);
    for (let i = 80; i < 100; i++) tty.emit(`line ${expected.push(`line ${i}\n`) - 1}\n`);
    await until(() => (first.output() + second.output()).split("\n").length > 100);
    const again = second.msgs.flatMap((m) => (m.t === "out" ? [m] : []));
    const seqs = [...seen, ...again].map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
    expect(first.output() + second.output()).toBe(expected.join(""));
    expect(h.driver.ttys).toHaveLength(1);
  });

  it("never splits a UTF-8 character across out messages", async () => {
    const c = await TestClient.hello(h.url("s1", "main"));
    await c.next("ready");
    const bytes = Buffer.from("é€😀 done");
    for (const b of bytes) h.driver.last.emit(Buffer.from([b]));
    await until(() => c.output().endsWith("done"));
    expect(c.output()).toBe("é€😀 done");
  });

  it("lets a second controller hijack the first, and keeps viewers read-only", async () => {
    const url = h.url("s1", "main");
    const a = await TestClient.hello(url);
    await a.next("ready");
    const viewer = await TestClient.hello(url, { mode: "view", cols: 200, rows: 100 });
    await viewer.next("ready");
    viewer.send({ t: "in", data: "rm -rf /\r" });
    viewer.send({ t: "resize", cols: 10, rows: 10 });
    const b = await TestClient.hello(url);
    await b.next("ready");
    expect((await a.next("error")).code).toBe("hijacked");
    expect(await a.closed).toBe(CLOSE_CODES.hijacked);
    b.send({ t: "in", data: "ls\r" });
    await until(() => h.driver.last.written.length > 0);
    await new Promise((r) => setTimeout(r, 40));
    expect(h.driver.last.written).toEqual(["ls\r"]);
    expect(h.driver.last.resizes).toEqual([]);
    h.driver.last.emit("shared");
    await viewer.next("out");
    await b.next("out");
  });

  it("pauses a flooding tty until the client acks, over a real socket", async () => {
    const c = await TestClient.hello(h.url("s1", "main"));
    await c.next("ready");
    const tty = h.driver.last;
    const chunk = "y\n".repeat(32 * 1024);
    for (let i = 0; i < 1000 && !tty.paused; i++) tty.emit(chunk);
    expect(tty.paused).toBe(true);
    await until(() => c.output().length > 2 * 1024 * 1024);
    c.send({ t: "in", data: "\x03" });
    await until(() => tty.written.includes("\x03"));
    for (let i = 0; i < 7; i++) c.send({ t: "ack", bytes: 256 * 1024 });
    await until(() => !tty.paused);
  });

  it("sends exit and closes when the shell ends", async () => {
    const c = await TestClient.hello(h.url("s1", "main"));
    await c.next("ready");
    h.driver.last.exit(0);
    expect(await c.next("exit")).toEqual({ t: "exit", code: 0 });
    expect(await c.closed).toBe(1000);
  });
});
