// The learner's DOCKER_HOST: a unix socket per session, served by Slipway, forwarding to the
// session's own engine. Every learner Docker call passes here, which is the seam where the
// API policy and the audit trail sit (see the API gateway issue); today it forwards bytes.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { type Server, type Socket, createServer } from "node:net";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { SandboxRef } from "../sandbox/sandbox-driver.ts";

export interface GatewayDeps {
  connectEngine(ref: SandboxRef): Promise<Duplex>;
  onActivity(sessionId: string): void;
}

export class EngineGateway {
  private readonly servers = new Map<string, { server: Server; sockets: Set<Socket> }>();

  constructor(private readonly deps: GatewayDeps) {}

  static socketPath(gatewayDir: string): string {
    return join(gatewayDir, "docker.sock");
  }

  async open(ref: SandboxRef, gatewayDir: string): Promise<void> {
    if (this.servers.has(ref.id)) return;
    mkdirSync(gatewayDir, { recursive: true });
    const path = EngineGateway.socketPath(gatewayDir);
    if (existsSync(path)) rmSync(path); // left by a previous server process
    const sockets = new Set<Socket>();
    // Half-open: a hijacked `docker run` closes its stdin side early and still expects the
    // container's output on the other side.
    const server = createServer({ allowHalfOpen: true }, (client) => {
      sockets.add(client);
      client.on("close", () => sockets.delete(client));
      this.deps.onActivity(ref.id);
      client.pause();
      this.deps.connectEngine(ref).then(
        (engine) => {
          client.pipe(engine).pipe(client);
          client.resume();
          client.on("error", () => engine.destroy()).on("close", () => engine.destroy());
          engine.on("error", () => client.destroy()).on("close", () => client.end());
        },
        () => client.end("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
      );
    });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(path, resolve));
    this.servers.set(ref.id, { server, sockets });
  }

  close(id: string): void {
    const entry = this.servers.get(id);
    if (!entry) return;
    this.servers.delete(id);
    entry.server.close();
    for (const s of entry.sockets) s.destroy();
  }

  closeAll(): void {
    for (const id of [...this.servers.keys()]) this.close(id);
  }
}
