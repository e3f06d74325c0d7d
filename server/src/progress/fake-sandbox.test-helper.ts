// A sandbox in memory for unit tests of live checks: an "engine" answering inspect calls over
// HTTP on a unix socket (so the real engine-http code runs), workspace files in a map, and a
// change stream the test feeds. Counts open watchers, so a test can prove they all stopped.
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type {
  ExecOptions,
  ExecResult,
  SandboxChange,
  SandboxDriver,
  SandboxRef,
} from "../sandbox/sandbox-driver.ts";

type Driver = Pick<SandboxDriver, "exec" | "readFile" | "connectEngine" | "watch" | "portEndpoint">;

export const FAKE_REF: SandboxRef = { id: "s1", engine: "e1", workstation: "w1" };

export class FakeSandbox implements Driver {
  readonly files = new Map<string, string>();
  readonly execs: Array<{ cmd: readonly string[]; opts: ExecOptions | undefined }> = [];
  watchers = 0;
  private readonly listeners = new Set<(c: SandboxChange) => void>();

  private constructor(
    readonly containers: Map<string, { State: { Status: string } }>,
    private readonly server: Server,
    private readonly socket: string,
  ) {}

  static async start(): Promise<FakeSandbox> {
    const socket = join(mkdtempSync(join(tmpdir(), "slipway-fake-engine-")), "engine.sock");
    const containers = new Map<string, { State: { Status: string } }>();
    const server = createServer((req, res) => {
      const name = /^\/containers\/([^/]+)\/json$/.exec(req.url ?? "")?.[1];
      const body = name ? containers.get(decodeURIComponent(name)) : undefined;
      res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(body ?? { message: "No such container" }));
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    return new FakeSandbox(containers, server, socket);
  }

  /** Something changed: every watcher hears it. */
  change(c: SandboxChange): void {
    for (const l of this.listeners) l(c);
  }

  /** No network to reach: http checks go the curl way (through exec). */
  async portEndpoint(): Promise<{ host: string; port: number }> {
    throw new Error("the fake sandbox has no network");
  }

  async connectEngine(): Promise<Duplex> {
    const s = connect(this.socket);
    await new Promise<void>((resolve, reject) => s.once("connect", resolve).once("error", reject));
    return s;
  }

  async exec(_ref: SandboxRef, cmd: readonly string[], opts?: ExecOptions): Promise<ExecResult> {
    this.execs.push({ cmd, opts });
    return { exitCode: 0, stdout: "", stderr: "", timedOut: false, truncated: false, durationMs: 1 };
  }

  async readFile(_ref: SandboxRef, path: string): Promise<Buffer | undefined> {
    const f = this.files.get(path);
    return f === undefined ? undefined : Buffer.from(f);
  }

  async *watch(_ref: SandboxRef, signal: AbortSignal): AsyncIterable<SandboxChange> {
    const queue: SandboxChange[] = [];
    let wake: (() => void) | undefined;
    const listener = (c: SandboxChange) => (queue.push(c), wake?.());
    const onAbort = () => wake?.();
    this.listeners.add(listener);
    signal.addEventListener("abort", onAbort);
    this.watchers++;
    try {
      while (!signal.aborted) {
        const next = queue.shift();
        if (next) yield next;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      this.watchers--;
      this.listeners.delete(listener);
      signal.removeEventListener("abort", onAbort);
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
