// Plain HTTP to a learner's Docker Engine API over whatever connection the driver hands out
// (`connectEngine`), so checks and watchers need no Docker client library and never pass
// through the learner's gateway.
import { type IncomingMessage, request } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";

export type EngineConnect = () => Promise<Duplex>;

export interface EngineAnswer {
  readonly status: number;
  /** Parsed JSON when the engine sent JSON, the text otherwise. */
  readonly body: unknown;
}

async function open(connect: EngineConnect, path: string, signal?: AbortSignal): Promise<IncomingMessage> {
  signal?.throwIfAborted();
  const socket = await connect();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: "GET",
        path,
        host: "engine",
        headers: { connection: "close" },
        createConnection: () => socket as Socket,
        ...(signal ? { signal } : {}),
      },
      resolve,
    );
    req.on("error", (e) => (socket.destroy(), reject(e)));
    req.end();
  });
}

/** One GET; the answer is read whole, up to maxBytes. */
export async function engineGet(
  connect: EngineConnect,
  path: string,
  signal?: AbortSignal,
  maxBytes = 8 * 1024 * 1024,
): Promise<EngineAnswer> {
  const res = await open(connect, path, signal);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new Error(`engine answer to ${path} is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const json = /json/.test(res.headers["content-type"] ?? "");
  return { status: res.statusCode ?? 0, body: json && text ? (JSON.parse(text) as unknown) : text };
}

/** A streaming GET (e.g. /events), one line at a time, until the engine or the signal ends it. */
export async function* engineLines(
  connect: EngineConnect,
  path: string,
  signal: AbortSignal,
): AsyncIterable<string> {
  const res = await open(connect, path, signal);
  if (res.statusCode !== 200) {
    res.destroy();
    throw new Error(`engine answered ${res.statusCode} to ${path}`);
  }
  let pending = "";
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) yield line;
    }
  } finally {
    res.destroy();
  }
}
