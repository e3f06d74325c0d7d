// A real http server on 127.0.0.1:0 with the terminal server mounted on a fake driver, and a
// real ws client that records every message.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import WebSocket from "ws";
import type { ClientMsg, ServerMsg } from "../../../common/terminal-protocol.ts";
import { FakeDriver } from "./fake-tty.test-helper.ts";
import { attachTerminalServer, type TerminalServer } from "./terminal-server.ts";
import type { TerminalServerOptions } from "./terminal-deps.ts";

export interface Harness {
  driver: FakeDriver;
  activity: string[];
  url(session: string, term: string): string;
  /** Cuts every TCP connection, as a flaky network would. */
  dropAll(): void;
  close(): Promise<void>;
  server: TerminalServer;
  /** Revokes session's view token: its open sockets are told. */
  revoke(session: string): void;
  /** Revocation listeners still registered (closed sockets must leave none). */
  revocationListeners(): number;
}

export async function startHarness(opts: TerminalServerOptions = {}): Promise<Harness> {
  const http: Server = createServer();
  const driver = new FakeDriver();
  const activity: string[] = [];
  const revocations = new Set<[string, () => void]>();
  const server = attachTerminalServer(
    http,
    {
      // tok-<id> controls the session; view-<id> only watches, and revoke(id) revokes it.
      authorize: async (id, token) => {
        if (id !== "s1" && id !== "s2") return "not-found";
        const ref = { id, engine: "e", workstation: "w" };
        if (token === `tok-${id}`) return { ref, scope: "control" };
        if (token !== `view-${id}`) return "forbidden";
        return {
          ref,
          scope: "view",
          onRevoked: (listener) => {
            revocations.add([id, listener]);
            return () => revocations.forEach((r) => r[1] === listener && revocations.delete(r));
          },
        };
      },
      driver,
      onActivity: (id) => activity.push(id),
      log: { info: () => {}, warn: () => {} },
    },
    { resizeDebounceMs: 20, inputGateMs: 0, ...opts },
  );
  const conns = new Set<Socket>();
  http.on("connection", (c: Socket) => {
    conns.add(c);
    c.on("close", () => conns.delete(c));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    driver,
    activity,
    server,
    dropAll: () => conns.forEach((c) => c.destroy()),
    revoke: (session) => [...revocations].forEach(([id, listener]) => id === session && listener()),
    revocationListeners: () => revocations.size,
    url: (s, t) => `ws://127.0.0.1:${port}/api/sessions/${s}/terminals/${t}`,
    close: async () => {
      await server.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

export class TestClient {
  readonly msgs: ServerMsg[] = [];
  readonly ws: WebSocket;
  readonly closed: Promise<number>;
  private waiters: Array<() => void> = [];

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on("message", (d) => {
      this.msgs.push(JSON.parse(d.toString()) as ServerMsg);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) => this.ws.on("close", (code) => resolve(code)));
    this.ws.on("error", () => {});
  }

  static async hello(url: string, hello: Partial<Extract<ClientMsg, { t: "hello" }>> = {}) {
    const c = new TestClient(url);
    await c.opened();
    const term = url.split("/").at(-1) as string;
    const session = url.split("/").at(-3) as string;
    c.send({
      t: "hello",
      token: `tok-${session}`,
      term,
      cols: 80,
      rows: 24,
      lastSeq: 0,
      mode: "control",
      ...hello,
    });
    return c;
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("error", reject);
    });
  }

  send(msg: ClientMsg | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(msg));
  }

  /** Resolves with the first recorded message that matches, waiting if needed. */
  async next<T extends ServerMsg["t"]>(
    t: T,
    pred: (m: Extract<ServerMsg, { t: T }>) => boolean = () => true,
  ) {
    for (;;) {
      const found = this.msgs.find((m) => m.t === t && pred(m as Extract<ServerMsg, { t: T }>));
      if (found) return found as Extract<ServerMsg, { t: T }>;
      await new Promise<void>((resolve, reject) => {
        this.waiters.push(resolve);
        void this.closed.then(() => reject(new Error(`closed while waiting for ${t}`)));
      });
    }
  }

  output(): string {
    return this.msgs.flatMap((m) => (m.t === "out" ? [m.data] : [])).join("");
  }
}

export const until = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};
