import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineGet, engineLines } from "./engine-http.ts";

const socket = join(mkdtempSync(join(tmpdir(), "slipway-engine-http-")), "engine.sock");
const server = createServer((req, res) => {
  if (req.url === "/containers/web/json")
    return void res
      .writeHead(200, { "content-type": "application/json" })
      .end('{"State":{"Status":"running"}}');
  if (req.url === "/containers/web/logs")
    return void res.writeHead(200, { "content-type": "text/plain" }).end("hello\n");
  if (req.url === "/events") {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"Action":"create"}\n{"Act');
    setTimeout(() => res.write('ion":"start"}\n'), 20);
    return;
  }
  res.writeHead(404, { "content-type": "application/json" }).end('{"message":"no such thing"}');
});
const connectEngine = async (): Promise<Duplex> => {
  const s = connect(socket);
  await new Promise((resolve) => s.once("connect", resolve));
  return s;
};

beforeAll(() => new Promise<void>((resolve) => server.listen(socket, resolve)));
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

describe("engine HTTP over the driver's connection", () => {
  it("answers JSON parsed, text as text, and errors with their status", async () => {
    expect(await engineGet(connectEngine, "/containers/web/json")).toEqual({
      status: 200,
      body: { State: { Status: "running" } },
    });
    expect(await engineGet(connectEngine, "/containers/web/logs")).toEqual({ status: 200, body: "hello\n" });
    expect(await engineGet(connectEngine, "/containers/db/json")).toEqual({
      status: 404,
      body: { message: "no such thing" },
    });
  });

  it("streams lines, split across chunks, until aborted", async () => {
    const abort = new AbortController();
    const lines: string[] = [];
    await expect(
      (async () => {
        for await (const line of engineLines(connectEngine, "/events", abort.signal)) {
          lines.push(line);
          if (lines.length === 2) abort.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    expect(lines).toEqual(['{"Action":"create"}', '{"Action":"start"}']);
  });
});
