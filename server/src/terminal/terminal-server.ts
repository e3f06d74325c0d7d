// Mounts the terminal websocket on the http server at /api/sessions/:id/terminals/:term.
// The token travels in `hello`, not in the URL, so it never lands in access logs.
import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { MAX_FRAME_BYTES } from "../../../common/terminal-protocol.ts";
import { TerminalHub } from "./terminal-hub.ts";
import { serveTerminalSocket } from "./terminal-socket.ts";
import type { TerminalServerDeps, TerminalServerOptions } from "./terminal-deps.ts";

const PATH = /^\/api\/sessions\/([^/]+)\/terminals\/([^/]+)$/;

export interface TerminalServer {
  readonly hub: TerminalHub;
  /** Closes every socket and detaches every terminal; the shells live on in dtach. */
  close(): Promise<void>;
}

export function attachTerminalServer(
  httpServer: HttpServer,
  deps: TerminalServerDeps,
  opts: TerminalServerOptions = {},
): TerminalServer {
  const onError = (err: unknown) => deps.log.warn({ err }, "terminal error");
  const hub = new TerminalHub({ driver: deps.driver, onError, recorder: deps.recorder, ...opts });
  // Frames between 1 MiB and this get a `bad-message` error; beyond it ws closes with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * MAX_FRAME_BYTES });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (opts.serves && !opts.serves(req)) return;
    const match = PATH.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (!match) {
      // Another upgrade handler may own this path; if there is none, do not leave it hanging.
      if (opts.serves || httpServer.listeners("upgrade").length === 1) socket.destroy();
      return;
    }
    let sessionId: string, term: string;
    try {
      sessionId = decodeURIComponent(match[1] as string);
      term = decodeURIComponent(match[2] as string);
    } catch {
      return void socket.destroy(); // malformed %-escape
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      serveTerminalSocket(ws, {
        sessionId,
        term,
        hub,
        deps,
        heartbeatMs: opts.heartbeatMs ?? 15_000,
        helloTimeoutMs: opts.helloTimeoutMs ?? 10_000,
      }),
    );
  };
  httpServer.on("upgrade", onUpgrade);

  return {
    hub,
    async close() {
      httpServer.off("upgrade", onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await hub.closeAll();
    },
  };
}
