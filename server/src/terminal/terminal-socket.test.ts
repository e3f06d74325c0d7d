import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE_CODES } from "../../../common/terminal-protocol.ts";
import { startHarness, TestClient, until, type Harness } from "./socket-harness.test-helper.ts";

let h: Harness;
let bystander: TestClient;
beforeEach(async () => {
  h = await startHarness({ helloTimeoutMs: 300, heartbeatMs: 40 });
  // Every bad client below must leave this one untouched.
  bystander = await TestClient.hello(h.url("s2", "main"));
  await bystander.next("ready");
});
afterEach(async () => {
  const tty = h.driver.ttys[0];
  bystander.send({ t: "in", data: "still here\r" });
  await until(() => tty?.written.includes("still here\r") === true);
  expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
  await h.close();
});

async function expectRejected(c: TestClient, code: keyof typeof CLOSE_CODES) {
  expect((await c.next("error")).code).toBe(code);
  expect(await c.closed).toBe(CLOSE_CODES[code]);
}

describe("terminal socket rejects bad clients", () => {
  it("garbage frame", async () => {
    const c = new TestClient(h.url("s1", "main"));
    await c.opened();
    c.ws.send("}{ not json");
    await expectRejected(c, "bad-message");
  });

  it("binary frame", async () => {
    const c = new TestClient(h.url("s1", "main"));
    await c.opened();
    c.ws.send(Buffer.from([1, 2, 3]));
    await expectRejected(c, "bad-message");
  });

  it("oversized frame, even after hello", async () => {
    const c = await TestClient.hello(h.url("s1", "main"));
    await c.next("ready");
    c.send({ t: "in", data: "x".repeat(1024 * 1024 + 10) });
    await expectRejected(c, "bad-message");
    expect(h.driver.ttys[1]?.written).toEqual([]);
  });

  it("a message before hello", async () => {
    const c = new TestClient(h.url("s1", "main"));
    await c.opened();
    c.send({ t: "in", data: "ls\r" });
    await expectRejected(c, "bad-message");
  });

  it("no hello at all", async () => {
    const c = new TestClient(h.url("s1", "main"));
    await c.opened();
    await expectRejected(c, "bad-message");
  });

  it("a second hello", async () => {
    const c = await TestClient.hello(h.url("s1", "main"));
    await c.next("ready");
    c.send({ t: "hello", token: "tok-s1", term: "main", cols: 80, rows: 24, lastSeq: 0, mode: "control" });
    await expectRejected(c, "bad-message");
  });

  it("a wrong token", async () => {
    const c = await TestClient.hello(h.url("s1", "main"), { token: "tok-s2" });
    await expectRejected(c, "forbidden");
    expect(h.driver.ttys).toHaveLength(1);
  });

  it("an unknown session or terminal", async () => {
    await expectRejected(await TestClient.hello(h.url("nope", "main")), "not-found");
    await expectRejected(
      await TestClient.hello(h.url("s1", "Bad%20Name"), { term: "Bad Name" }),
      "not-found",
    );
    expect(h.driver.ttys).toHaveLength(1);
  });

  it("a hello for another terminal than the URL names", async () => {
    await expectRejected(await TestClient.hello(h.url("s1", "main"), { term: "other" }), "bad-message");
  });

  it("a socket that stops answering pings", async () => {
    const c = new WebSocket(h.url("s1", "main"), { autoPong: false });
    const code = await new Promise<number>((resolve) => c.on("close", resolve));
    expect(code).toBe(1006);
  });
});

describe("terminal socket and token scopes", () => {
  it("seats a view token as a viewer even when its hello asks for control", async () => {
    const viewer = await TestClient.hello(h.url("s2", "main"), { token: "view-s2", mode: "control" });
    await viewer.next("ready");
    viewer.send({ t: "in", data: "rm -rf ~\r" });
    viewer.send({ t: "resize", cols: 20, rows: 5 });
    await new Promise((r) => setTimeout(r, 80));
    expect(h.driver.ttys[0]?.written).toEqual([]);
    expect(h.driver.ttys[0]?.resizes).toEqual([]);
    // The learner (the bystander) was not kicked out of control.
    expect(bystander.msgs.some((m) => m.t === "error")).toBe(false);
  });

  it("closes a viewer's socket when its token is revoked, and forgets it when it closes", async () => {
    const viewer = await TestClient.hello(h.url("s2", "main"), { token: "view-s2", mode: "view" });
    await viewer.next("ready");
    const gone = await TestClient.hello(h.url("s2", "main"), { token: "view-s2", mode: "view" });
    await gone.next("ready");
    gone.ws.close();
    await gone.closed;
    await until(() => h.revocationListeners() === 1);
    h.revoke("s2");
    expect(await viewer.next("error")).toMatchObject({
      code: "forbidden",
      message: "this token was revoked",
    });
    expect(await viewer.closed).toBe(CLOSE_CODES.forbidden);
    await until(() => h.revocationListeners() === 0);
  });

  it("refuses an empty token like a wrong one", async () => {
    await expectRejected(await TestClient.hello(h.url("s1", "main"), { token: "" }), "forbidden");
  });
});
