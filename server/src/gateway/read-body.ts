// Buffers a policy body, bounded in size and time, so a client cannot hold a gateway
// connection (or its memory) by never finishing one.
import type { IncomingMessage } from "node:http";

export class BodyError extends Error {
  constructor(
    readonly status: 408 | 413,
    message: string,
  ) {
    super(message);
  }
}

export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (e: Error) => {
      clearTimeout(timer);
      req.removeAllListeners("data");
      reject(e);
    };
    const timer = setTimeout(
      () => fail(new BodyError(408, "the request body did not arrive in time")),
      timeoutMs,
    );
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge(maxBytes));
      else chunks.push(chunk);
    });
    req.once("end", () => (clearTimeout(timer), resolve(Buffer.concat(chunks))));
    req.once("error", fail);
    req.once("close", () => fail(new Error("the client went away")));
  });
}

const tooLarge = (max: number) => new BodyError(413, `the request body is larger than ${max} bytes`);
