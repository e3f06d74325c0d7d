// The learner's engine of an in-memory sandbox, over real HTTP on a unix socket, so the code
// that talks to engines (the gateway, checks, waitReady's ping) runs unchanged against it.
// It answers what Slipway asks of an engine: ping, version, container and image lists, a
// container's inspect, and the event stream.
import { type Server, type ServerResponse, createServer } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { MemorySandbox } from "./memory-sandbox.ts";

export class MemoryEngine {
  private server: Server | undefined;
  readonly socket: string;

  constructor(
    private readonly sandbox: MemorySandbox,
    dir: string,
  ) {
    this.socket = join(dir, "engine.sock");
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => this.answer(req.url ?? "/", res));
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(this.socket, resolve));
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async connect(): Promise<Duplex> {
    const s = connect(this.socket);
    await new Promise<void>((resolve, reject) => s.once("connect", resolve).once("error", reject));
    return s;
  }

  private answer(url: string, res: ServerResponse): void {
    const path = new URL(url, "http://engine").pathname.replace(/^\/v[\d.]+/, "");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const sb = this.sandbox;
    if (path === "/_ping") return void res.end("OK");
    if (path === "/version") return json(200, { Version: "memory", ApiVersion: "1.41" });
    if (path === "/containers/json")
      return json(
        200,
        [...sb.containers.values()].map((c) => ({
          Names: [`/${c.name}`],
          Image: c.image,
          State: c.running ? "running" : "exited",
        })),
      );
    if (path === "/images/json")
      return json(
        200,
        [...sb.images].map((i) => ({ RepoTags: [i] })),
      );
    const name = /^\/containers\/([^/]+)\/json$/.exec(path)?.[1];
    if (name) {
      const c = sb.containers.get(decodeURIComponent(name));
      return c
        ? json(200, {
            Name: `/${c.name}`,
            Config: { Image: c.image },
            State: { Status: c.running ? "running" : "exited", Running: c.running },
          })
        : json(404, { message: `No such container: ${name}` });
    }
    if (path === "/events") {
      res.writeHead(200, { "content-type": "application/json" });
      res.flushHeaders();
      const listener = (c: Parameters<MemorySandbox["changed"]>[0]) => {
        if (c.kind === "engine")
          res.write(
            `${JSON.stringify({ Type: c.type, Action: c.action, Actor: { Attributes: { name: c.name } } })}\n`,
          );
      };
      sb.listeners.add(listener);
      res.on("close", () => sb.listeners.delete(listener));
      return;
    }
    json(404, { message: `page not found: ${path} (memory engine)` });
  }
}
