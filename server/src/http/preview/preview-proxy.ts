// Relays a preview's requests and websocket upgrades to the learner's app in the sandbox.
// Slipway's credentials stay here: the preview cookie and any Authorization that carries a
// Slipway token are removed; the app's own cookies and its own HTTP auth pass untouched.
// The app is told `Host: localhost:<port>`, as if browsed from inside the sandbox (dev
// servers refuse unknown hosts), and the public one in X-Forwarded-Host.
import { type IncomingMessage, type ServerResponse, request } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import { PREVIEW_COOKIE, withoutCookie } from "./preview-cookie.ts";

export interface Upstream {
  readonly host: string;
  readonly port: number;
  /** The port the learner's app listens on inside the sandbox. */
  readonly appPort: number;
  readonly publicHost: string;
  readonly scheme: "http" | "https";
  /** True when an Authorization header carries a Slipway token (it is then removed). */
  readonly isSlipwayCredential: (authorization: string) => boolean;
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** The request's headers as the app gets them, in raw [name, value, …] form (repeats kept). */
export function upstreamHeaders(req: IncomingMessage, to: Upstream, upgrade: boolean): string[] {
  const out: string[] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const key = name.toLowerCase();
    if (key === "host" || key.startsWith("x-forwarded-")) continue;
    if (HOP_BY_HOP.has(key) && !(upgrade && (key === "connection" || key === "upgrade"))) continue;
    if (key === "authorization" && to.isSlipwayCredential(value)) continue;
    if (key === "cookie") {
      const kept = withoutCookie(value, PREVIEW_COOKIE);
      if (kept) out.push(name, kept);
      continue;
    }
    out.push(name, value);
  }
  out.push(
    "Host",
    `localhost:${to.appPort}`,
    "X-Forwarded-Host",
    to.publicHost,
    "X-Forwarded-Proto",
    to.scheme,
  );
  return out;
}

/** The app's response headers, minus hop-by-hop ones and any attempt to set our cookie. */
function downstreamHeaders(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    if (HOP_BY_HOP.has(key)) continue;
    if (key === "set-cookie" && value.trimStart().startsWith(`${PREVIEW_COOKIE}=`)) continue;
    out.push(raw[i] as string, value);
  }
  return out;
}

export function proxyHttp(
  req: IncomingMessage,
  res: ServerResponse,
  to: Upstream,
  unreachable: (reason: string) => void,
): void {
  const upstream = request({
    host: to.host,
    port: to.port,
    method: req.method,
    path: req.url,
    headers: upstreamHeaders(req, to, false),
    // Until the app answers; a long-poll or event stream may then stay quiet for long.
    timeout: 30_000,
  });
  upstream.on("response", (up) => {
    upstream.setTimeout(0);
    res.writeHead(up.statusCode ?? 502, up.statusMessage, downstreamHeaders(up.rawHeaders));
    up.pipe(res);
    up.on("error", () => res.destroy());
  });
  upstream.on("timeout", () => upstream.destroy(new Error("the app did not answer within 30 s")));
  upstream.on("error", (e: NodeJS.ErrnoException) => {
    if (res.headersSent) return void res.destroy();
    unreachable(e.code === "ECONNREFUSED" ? "connection refused" : e.message);
  });
  // A browser that goes away mid-answer frees the app's connection too.
  res.on("close", () => res.writableFinished || upstream.destroy());
  req.pipe(upstream);
}

/** Relays the upgrade request as it came (after the header rewrite), then bytes both ways:
 *  the app answers 101 or refuses, and the browser sees exactly that. */
export function proxyUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, to: Upstream): void {
  const upstream = connect(to.port, to.host);
  const headers = upstreamHeaders(req, to, true);
  let lines = `${req.method} ${req.url} HTTP/1.1\r\n`;
  for (let i = 0; i + 1 < headers.length; i += 2) lines += `${headers[i]}: ${headers[i + 1]}\r\n`;
  upstream.setTimeout(30_000, () => upstream.destroy());
  upstream.once("connect", () => {
    upstream.setTimeout(0);
    upstream.write(`${lines}\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on("error", () => {
    if (socket.writable && upstream.bytesRead === 0)
      socket.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  // Ends travel through the pipes (half-close kept); a broken side breaks the other.
  upstream.on("close", (hadError) => hadError && socket.destroy());
  socket.on("error", () => upstream.destroy());
  socket.on("close", () => upstream.destroy());
}
