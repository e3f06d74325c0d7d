// The browser connection against the real server (ws stands in for the browser's WebSocket):
// proves both halves read the protocol the same way, across a dropped socket.
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import {
  startHarness,
  until,
  type Harness,
} from "../../../server/src/terminal/socket-harness.test-helper.ts";
import { TerminalConnection, type ConnectionStatus } from "./terminal-connection.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
});

it("keeps every byte in order across a server-side drop", async () => {
  h = await startHarness();
  let screen = "";
  let status: ConnectionStatus = { state: "connecting" };
  const conn = new TerminalConnection({
    url: h.url("s1", "main"),
    token: "tok-s1",
    term: "main",
    size: () => ({ cols: 100, rows: 30 }),
    onOutput: (data, done) => {
      screen += data;
      done();
    },
    onStatus: (s) => (status = s),
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
    random: () => 0,
  });
  conn.connect();
  await until(() => status.state === "connected");
  const tty = h.driver.last;
  conn.input("seq 1 200\r");
  await until(() => tty.written.length === 1);
  let expected = "";
  const emit = (s: string) => {
    expected += s;
    tty.emit(s);
  };
  for (let i = 1; i <= 100; i++) emit(`${i}\n`);
  await until(() => screen === expected);
  h.dropAll();
  for (let i = 101; i <= 200; i++) emit(`${i}\n`);
  await until(() => status.state === "reconnecting");
  await until(() => status.state === "connected", 3000);
  emit("€ done\n");
  await until(() => screen === expected);
  expect(h.driver.ttys).toHaveLength(1);
  conn.close();
});
