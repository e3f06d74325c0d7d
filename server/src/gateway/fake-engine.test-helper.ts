// A stand-in Docker engine on a unix socket, for gateway unit tests: answers a few routes,
// streams events, hijacks exec start (echoing stdin), and records what reaches it.
import { type Server, createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Duplex } from "node:stream";

export interface FakeEngine {
  readonly socket: string;
  /** Request lines the engine parsed, e.g. "POST /v1.41/containers/create". */
  readonly seen: string[];
  /** Raw bytes that reached a connection after an upgrade the engine refused. */
  readonly afterRefusal: Buffer[];
  connect(): Promise<Duplex>;
  close(): Promise<void>;
}

export async function startFakeEngine(): Promise<FakeEngine> {
  const socket = join(mkdtempSync(join(tmpdir(), "slipway-fake-engine-")), "docker.sock");
  const seen: string[] = [];
  const afterRefusal: Buffer[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url?.includes("/wait")) {
        // Like the engine's wait: the head now, the body when the container exits.
        res.writeHead(200, { "Content-Type": "application/json" });
        res.flushHeaders();
        return;
      }
      if (req.url?.endsWith("/events")) {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write('{"status":"start"}\n');
        return;
      }
      const body = Buffer.concat(chunks);
      res.writeHead(req.url?.includes("/containers/create") ? 201 : 200, {
        "Content-Type": "application/json",
        "Api-Version": "1.41",
        "Docker-Experimental": "false",
      });
      res.end(JSON.stringify({ echo: body.toString(), headers: req.rawHeaders }));
    });
  });
  server.on("upgrade", (req, conn: Duplex, early: Buffer) => {
    seen.push(`${req.method} ${req.url} (upgrade)`);
    // A client that hangs up first is ordinary; its "bye" then has nowhere to go.
    conn.on("error", () => undefined);
    if (req.url?.includes("missing")) {
      conn.write("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
      if (early.length) afterRefusal.push(early);
      conn.on("data", (c: Buffer) => afterRefusal.push(c));
      conn.on("end", () => conn.end());
      return;
    }
    conn.write(
      "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n",
    );
    const len = Number(req.headers["content-length"] ?? 0);
    // The exec start body, then stdin echoed back; the engine's side ends after the client's.
    let body = early.subarray(0, len);
    const rest = early.subarray(len);
    if (rest.length) conn.write(rest);
    conn.on("data", (c: Buffer) => {
      if (body.length < len) {
        body = Buffer.concat([body, c]);
        return;
      }
      conn.write(c);
    });
    conn.on("end", () => conn.end("bye\n"));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    socket,
    seen,
    afterRefusal,
    connect: () =>
      new Promise((resolve, reject) => {
        const s = connect(socket);
        s.once("connect", () => resolve(s)).once("error", reject);
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
