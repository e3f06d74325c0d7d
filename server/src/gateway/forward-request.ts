// Forwards one ordinary HTTP request to the engine and streams the answer back: build
// contexts, `load`, `save`, `logs -f`, `events` and `stats` flow through without buffering.
// A policy body, already read, is sent as read. Header names, values and order are kept,
// except the hop-by-hop ones: each side's connection is its own.
import { type IncomingMessage, type ServerResponse, request } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";

const HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "expect"]);

function rawHeaders(raw: readonly string[], drop: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const [name, value] = [raw[i] as string, raw[i + 1] as string];
    if (!drop.has(name.toLowerCase())) out.push(name, value);
  }
  return out;
}

const BODY_FRAMING = new Set([...HOP, "content-length", "transfer-encoding"]);

/** Resolves to the status the client got once it is known (502: engine unreachable; 499: the
 *  client left first). The response itself may stream on for a long time after that. */
export function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  connect: () => Promise<Duplex>,
  body?: Buffer,
): Promise<number> {
  return new Promise((resolve) => {
    const headers = body
      ? [...rawHeaders(req.rawHeaders, BODY_FRAMING), "Content-Length", String(body.length)]
      : rawHeaders(req.rawHeaders, HOP);
    const upstream = request({
      method: req.method,
      path: req.url,
      headers,
      createConnection: (_opts, done: (err: Error | null, socket: Socket) => void) =>
        void connect().then(
          (s) => done(null, s as Socket),
          (e: Error) => done(e, undefined as never),
        ),
    });
    upstream.on("response", (answer) => {
      resolve(answer.statusCode ?? 502);
      res.sendDate = false;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, rawHeaders(answer.rawHeaders, HOP));
      // Node holds a head until the first body byte; `docker run` waits for the head of its
      // `wait` call (whose body comes when the container exits) before it starts the container.
      res.flushHeaders();
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    upstream.on("error", () => {
      if (res.headersSent) return res.destroy();
      resolve(502);
      const message = JSON.stringify({ message: "slipway gateway: the sandbox's engine is not answering" });
      res.writeHead(502, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(message),
      });
      res.end(message);
    });
    // A client that leaves (Ctrl-C on `logs -f`) ends the engine's side too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
      resolve(499);
    });
    req.on("error", () => upstream.destroy());
    if (body) upstream.end(body);
    else req.pipe(upstream);
  });
}
