// Forwards one ordinary HTTP request to the engine and streams the answer back: build
// contexts, `load`, `save`, `logs -f`, `events` and `stats` flow through without buffering.
// A policy body, already read, is sent as read. Header names, values and order are kept,
// except the hop-by-hop ones: each side's connection is its own.
import { type IncomingMessage, type ServerResponse, request } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { ErrorRewrite } from "./catalog-pull.ts";

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
/** An error answer longer than this is no error message: it streams on as sent. */
const MAX_ERROR_BYTES = 64 * 1024;

/** Resolves to the status the client got once it is known (502: engine unreachable; 499: the
 *  client left first). The response itself may stream on for a long time after that. */
export function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  connect: () => Promise<Duplex>,
  body?: Buffer,
  rewrite?: ErrorRewrite,
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
      const status = answer.statusCode ?? 502;
      resolve(status);
      res.sendDate = false;
      answer.on("error", () => res.destroy());
      if (rewrite && status >= 400) return void rewriteError(answer, res, rewrite);
      res.writeHead(status, answer.statusMessage, rawHeaders(answer.rawHeaders, HOP));
      // Node holds a head until the first body byte; `docker run` waits for the head of its
      // `wait` call (whose body comes when the container exits) before it starts the container.
      res.flushHeaders();
      answer.pipe(res);
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

/** Reads a (short) error answer whole, then sends the rewrite or, if there is none, the
 *  answer exactly as it came: same head, same bytes. */
function rewriteError(answer: IncomingMessage, res: ServerResponse, rewrite: ErrorRewrite): void {
  const status = answer.statusCode ?? 502;
  const chunks: Buffer[] = [];
  let size = 0;
  const original = () => res.writeHead(status, answer.statusMessage, rawHeaders(answer.rawHeaders, HOP));
  const onData = (c: Buffer) => {
    chunks.push(c);
    size += c.length;
    if (size <= MAX_ERROR_BYTES) return;
    // Too long to be an error message: send what came and stream the rest.
    answer.off("data", onData).off("end", onEnd);
    original();
    for (const chunk of chunks) res.write(chunk);
    answer.pipe(res);
  };
  const onEnd = () => {
    const body = Buffer.concat(chunks);
    const replaced = rewrite(status, body);
    if (!replaced) {
      original();
      return void res.end(body);
    }
    const headers = [
      ...rawHeaders(answer.rawHeaders, BODY_FRAMING),
      "Content-Length",
      String(replaced.length),
    ];
    res.writeHead(status, answer.statusMessage, headers);
    res.end(replaced);
  };
  answer.on("data", onData).on("end", onEnd);
}
