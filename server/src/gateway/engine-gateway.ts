// The learner's DOCKER_HOST: a unix socket per session, served by Slipway, in front of the
// session's own engine. Every learner Docker call passes here: it is checked against the
// lab's policy, recorded in the activity log, and forwarded or refused (gateway-server.ts).
import { existsSync, mkdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { AuditEntry } from "../../../common/audit-entry.ts";
import type { SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";
import { DEFAULT_LIMITS, type GatewayLimits } from "./gateway-limits.ts";
import { createSessionGatewayServer } from "./gateway-server.ts";
import { type Allowances, NO_ALLOWANCES } from "./policy/allowances.ts";

export interface GatewayDeps {
  connectEngine(ref: SandboxRef): Promise<Duplex>;
  onActivity(sessionId: string): void;
  /** The session's lab allowances; asked lazily, once per opened gateway (adoption included). */
  policyFor(sessionId: string): Promise<Allowances>;
  resolveEnginePaths: SandboxDriver["resolveEnginePaths"];
  record(sessionId: string, entry: AuditEntry): void;
  onError?(sessionId: string, error: unknown): void;
  limits?: Partial<GatewayLimits>;
  clock?: () => number;
  /** The images a sandbox can pull when it is offline; unset when the mirror pulls through
   *  from an upstream (the engine's own answer to a pull is then the truth). */
  offlineCatalog?: () => readonly string[];
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
    const d = this.deps;
    let allowances: Promise<Allowances> | undefined;
    const server = createSessionGatewayServer({
      connect: () => d.connectEngine(ref),
      onActivity: () => d.onActivity(ref.id),
      // Asked on first need and kept. A failed lookup allows nothing and is retried next time.
      allowances: () =>
        (allowances ??= d.policyFor(ref.id).catch((e: unknown) => {
          allowances = undefined;
          d.onError?.(ref.id, e);
          return NO_ALLOWANCES;
        })),
      resolvePaths: (paths) => d.resolveEnginePaths(ref, paths),
      record: (entry) => d.record(ref.id, entry),
      onError: (e) => d.onError?.(ref.id, e),
      limits: { ...DEFAULT_LIMITS, ...d.limits },
      clock: d.clock ?? Date.now,
      ...(d.offlineCatalog ? { offlineCatalog: d.offlineCatalog } : {}),
    });
    const sockets = new Set<Socket>();
    server.on("connection", (s: Socket) => {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(path, resolve));
    server.on("error", (e) => d.onError?.(ref.id, e));
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
