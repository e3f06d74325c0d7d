// A scripted terminal client, as a new user would write one with `ws`.
import WebSocket from "ws";
import type { ClientMsg, ServerMsg } from "../../common/terminal-protocol.ts";

export interface TermClient {
  readonly ws: WebSocket;
  /** Output received on this connection, in order. */
  text(): string;
  lastSeq(): number;
  messages: ServerMsg[];
  send(msg: ClientMsg): void;
  type(data: string): void;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Types a command that prints a marker, and waits for it: the shell is ready. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export async function openTerminal(
  baseUrl: string,
  session: { id: string; token: string },
  opts: {
    term?: string;
    lastSeq?: number;
    cols?: number;
    rows?: number;
    mode?: "control" | "view";
    autoAck?: boolean;
  } = {},
): Promise<TermClient> {
  const term = opts.term ?? "term1";
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/sessions/${session.id}/terminals/${term}`);
  const messages: ServerMsg[] = [];
  let out = "";
  let seq = opts.lastSeq ?? 0;
  let unacked = 0;
  const waiters = new Set<() => void>();
  ws.on("message", (raw) => {
    const msg = JSON.parse(raw.toString()) as ServerMsg;
    messages.push(msg);
    if (msg.t === "out") {
      out += msg.data;
      seq = msg.seq;
      unacked += Buffer.byteLength(msg.data);
      if (opts.autoAck !== false && unacked >= 64 * 1024) {
        ws.send(JSON.stringify({ t: "ack", bytes: unacked }));
        unacked = 0;
      }
    }
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => ws.once("open", resolve).once("error", reject));
  ws.send(
    JSON.stringify({
      t: "hello",
      token: session.token,
      term,
      cols: opts.cols ?? 120,
      rows: opts.rows ?? 40,
      lastSeq: seq,
      mode: opts.mode ?? "control",
    }),
  );
  // The server answers hello with `ready` once the shell is attached; input goes after that.
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (messages.some((m) => m.t === "ready")) return (waiters.delete(check), resolve());
      const err = messages.find((m) => m.t === "error");
      if (!err) return;
      waiters.delete(check);
      reject(new Error(`terminal refused: ${JSON.stringify(err)}`));
    };
    waiters.add(check);
  });
  const client: TermClient = {
    ws,
    messages,
    text: () => out,
    lastSeq: () => seq,
    send: (m) => ws.send(JSON.stringify(m)),
    type: (data) => ws.send(JSON.stringify({ t: "in", data })),
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = plain(out).match(pattern);
          if (!m) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(m[0]);
        };
        const timer = setTimeout(
          () => (
            waiters.delete(check),
            reject(new Error(`timed out waiting for ${pattern}; got:\n${out.slice(-2000)}`))
          ),
          timeoutMs,
        );
        waiters.add(check);
        check();
      }),
    async ready() {
      const n = Math.floor(Math.random() * 1e6);
      ws.send(JSON.stringify({ t: "in", data: `echo READY-$((${n}+1))\r` }));
      await client.waitFor(new RegExp(`READY-${n + 1}`));
    },
    close: () =>
      new Promise((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once("close", () => resolve());
        ws.close();
      }),
  };
  return client;
}

/** Terminal output without escape sequences or carriage returns, for matching. */
// Matching escape sequences is the point here, hence control characters in the patterns.
/* eslint-disable no-control-regex */
export const plain = (s: string): string =>
  s
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "")
    .replace(/\x1b[()][0-9A-B]/g, "")
    .replace(/\x1b[=>78M]/g, "")
    .replace(/\r/g, "");
/* eslint-enable no-control-regex */
