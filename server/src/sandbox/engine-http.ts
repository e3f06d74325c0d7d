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

export async function openEngine(
  connect: EngineConnect,
  method: "GET" | "POST",
  path: string,
  signal?: AbortSignal,
  json?: unknown,
): Promise<IncomingMessage> {
  signal?.throwIfAborted();
  const socket = await connect();
  const body = json === undefined ? undefined : JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method,
        path,
        host: "engine",
        headers: { connection: "close", ...(body ? { "content-type": "application/json" } : {}) },
        createConnection: () => socket as Socket,
        ...(signal ? { signal } : {}),
      },
      resolve,
    );
    req.on("error", (e) => (socket.destroy(), reject(e)));
    req.end(body);
  });
}

/** Reads a whole answer, up to maxBytes. */
export async function readAll(res: IncomingMessage, maxBytes = 8 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new Error(`the engine's answer is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** One request; the answer is read whole. */
export async function engineCall(
  connect: EngineConnect,
  method: "GET" | "POST",
  path: string,
  signal?: AbortSignal,
  json?: unknown,
): Promise<EngineAnswer> {
  const res = await openEngine(connect, method, path, signal, json);
  const text = (await readAll(res)).toString("utf8");
  const isJson = /json/.test(res.headers["content-type"] ?? "");
  return { status: res.statusCode ?? 0, body: isJson && text ? (JSON.parse(text) as unknown) : text };
}

export const engineGet = (
  connect: EngineConnect,
  path: string,
  signal?: AbortSignal,
): Promise<EngineAnswer> => engineCall(connect, "GET", path, signal);

/** A streaming GET (e.g. /events), one line at a time, until the engine or the signal ends it. */
export async function* engineLines(
  connect: EngineConnect,
  path: string,
  signal: AbortSignal,
): AsyncIterable<string> {
  const res = await openEngine(connect, "GET", path, signal);
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
