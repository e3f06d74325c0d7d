import { getEventListeners } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineExec } from "./engine-exec.ts";

const frame = (stream: 1 | 2, text: string) => {
  const head = Buffer.alloc(8);
  head[0] = stream;
  head.writeUInt32BE(Buffer.byteLength(text), 4);
  return Buffer.concat([head, Buffer.from(text)]);
};

let inspections = 0;
const socket = join(mkdtempSync(join(tmpdir(), "slipway-engine-exec-")), "engine.sock");
const server = createServer((req, res) => {
  const json = (status: number, body: unknown) =>
    void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (req.url === "/containers/web/exec") return json(201, { Id: "x1" });
  if (req.url === "/containers/gone/exec") return json(404, { message: "No such container: gone" });
  if (req.url === "/exec/x1/start") {
    res.writeHead(200, { "content-type": "application/vnd.docker.raw-stream" });
    return void res.end(Buffer.concat([frame(1, "out "), frame(2, "err"), frame(1, "more")]));
  }
  // Still running at the first look, as the engine may say right after the stream ends.
  if (req.url === "/exec/x1/json") return json(200, { Running: inspections++ === 0, ExitCode: 3 });
  json(404, { message: "no" });
});
const connectEngine = async (): Promise<Duplex> => {
  const s = connect(socket);
  await new Promise((resolve) => s.once("connect", resolve));
  return s;
};

beforeAll(() => new Promise<void>((resolve) => server.listen(socket, resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("engineExec", () => {
  const signal = new AbortController().signal;
  it("splits stdout from stderr and waits for the exit code", async () => {
    expect(await engineExec(connectEngine, "web", ["cat", "x"], 5000, signal)).toEqual({
      exitCode: 3,
      stdout: "out more",
      stderr: "err",
    });
  });
  it("answers like the CLI when the container is missing", async () => {
    expect(await engineExec(connectEngine, "gone", ["true"], 5000, signal)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "Error: No such container: gone",
    });
  });
  it("leaves no listener on the session's signal, however many checks run", async () => {
    const session = new AbortController().signal;
    for (let i = 0; i < 20; i++) await engineExec(connectEngine, "web", ["true"], 5000, session);
    await new Promise((r) => setTimeout(r, 20)); // the last request lets go once its socket closes
    expect(getEventListeners(session, "abort")).toHaveLength(0);
  });
});
