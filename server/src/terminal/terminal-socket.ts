// One websocket: hello, authorize, attach, then relay. Every failure is an `error` message
// followed by a close with the matching code; it never touches another socket's terminal.
import type { WebSocket, RawData } from "ws";
import type { ClientMsg, ErrorCode, ServerMsg } from "../../../common/terminal-protocol.ts";
import {
  CLOSE_CODES,
  MAX_FRAME_BYTES,
  ProtocolError,
  parseClientMessage,
} from "../../../common/terminal-protocol.ts";
import type { Attachment, TerminalPeer } from "./terminal.ts";
import type { TerminalHub } from "./terminal-hub.ts";
import { TERMINAL_NAME } from "./terminal-hub.ts";
import type { TerminalServerDeps } from "./terminal-deps.ts";

export interface SocketContext {
  readonly sessionId: string;
  readonly term: string;
  readonly hub: TerminalHub;
  readonly deps: TerminalServerDeps;
  readonly heartbeatMs: number;
  readonly helloTimeoutMs: number;
}

/** Messages that arrive while authorize runs wait; a client that floods then is cut off. */
const MAX_QUEUED = 256;
/** Acks bound what we send, but a client could ack without reading; its socket buffer may not
 *  grow past this. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function serveTerminalSocket(ws: WebSocket, ctx: SocketContext): void {
  let state: "hello" | "opening" | "attached" | "closed" = "hello";
  let attachment: Attachment | undefined;
  let unrevoked: (() => void) | undefined;
  const queued: ClientMsg[] = [];
  const log = ctx.deps.log;

  const send = (msg: ServerMsg) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return ws.terminate();
    ws.send(JSON.stringify(msg));
  };
  const fail = (code: ErrorCode, message: string) => {
    if (state === "closed") return;
    state = "closed";
    send({ t: "error", code, message });
    ws.close(CLOSE_CODES[code], message.slice(0, 120));
  };
  const closed = () => state === "closed";
  const peer: TerminalPeer = { send, kick: fail, end: () => ws.close(1000, "exited") };

  const helloTimer = setTimeout(() => fail("bad-message", "no hello"), ctx.helloTimeoutMs);
  let missedPongs = 0;
  const heartbeat = setInterval(() => {
    if (missedPongs >= 2) return ws.terminate();
    missedPongs++;
    ws.ping();
  }, ctx.heartbeatMs);
  ws.on("pong", () => (missedPongs = 0));

  const relay = (msg: ClientMsg, a: Attachment) => {
    switch (msg.t) {
      case "in":
        a.input(msg.data);
        ctx.deps.onActivity(ctx.sessionId);
        return;
      case "resize":
        return a.resize(msg.cols, msg.rows);
      case "ack":
        return a.ack(msg.bytes);
      case "ping":
        return send({ t: "pong" });
      case "hello":
        return fail("bad-message", "hello sent twice");
    }
  };

  const open = async (hello: Extract<ClientMsg, { t: "hello" }>) => {
    if (hello.term !== ctx.term || !TERMINAL_NAME.test(ctx.term))
      return fail(hello.term !== ctx.term ? "bad-message" : "not-found", "no such terminal");
    const auth = await ctx.deps.authorize(ctx.sessionId, hello.token);
    if (auth === "forbidden") return fail("forbidden", "token does not open this session");
    if (auth === "not-found") return fail("not-found", "no such session");
    if (closed()) return;
    unrevoked = auth.onRevoked?.(() => fail("forbidden", "this token was revoked"));
    // A view token watches, whatever its hello asked for. The token goes no further than here.
    const mode = auth.scope === "view" ? "view" : hello.mode;
    const size = { cols: hello.cols, rows: hello.rows };
    const terminal = await ctx.hub.open(auth.ref, ctx.term, size);
    if (closed()) return; // went away (or was revoked) meanwhile
    if (terminal.isClosed) return fail("unavailable", "the shell ended while attaching; retry");
    attachment = terminal.attach(peer, { ...size, mode, lastSeq: hello.lastSeq });
    state = "attached";
    log.info({ sessionId: ctx.sessionId, term: ctx.term, mode }, "terminal attached");
    for (const msg of queued.splice(0)) if (state === "attached") relay(msg, attachment);
  };

  ws.on("message", (data: RawData, isBinary: boolean) => {
    if (state === "closed") return;
    const bytes = Buffer.isBuffer(data)
      ? data
      : Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.from(data);
    if (isBinary) return fail("bad-message", "expected text frames");
    if (bytes.length > MAX_FRAME_BYTES) return fail("bad-message", "frame larger than 1 MiB");
    const msg = parseClientMessage(bytes.toString("utf8"));
    if (msg instanceof ProtocolError) return fail("bad-message", msg.message);
    if (state === "attached" && attachment) return relay(msg, attachment);
    if (state === "opening") {
      if (queued.length >= MAX_QUEUED) return fail("bad-message", "too many messages before ready");
      return void queued.push(msg);
    }
    if (msg.t !== "hello") return fail("bad-message", "the first message must be hello");
    clearTimeout(helloTimer);
    state = "opening";
    open(msg).catch((err: unknown) => {
      log.warn({ err, sessionId: ctx.sessionId, term: ctx.term }, "terminal open failed");
      fail("unavailable", "the terminal could not be opened; retry shortly");
    });
  });

  ws.on("close", () => {
    state = "closed";
    clearTimeout(helloTimer);
    clearInterval(heartbeat);
    unrevoked?.();
    attachment?.detach();
  });
  ws.on("error", (err) => log.warn({ err, sessionId: ctx.sessionId }, "terminal socket error"));
}
