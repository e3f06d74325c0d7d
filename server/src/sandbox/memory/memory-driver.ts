// A SandboxDriver with every method and no Docker: sandboxes are objects in memory (see
// memory-sandbox.ts), each engine a small HTTP server on a unix socket in a temporary
// folder, the gateway's folders real folders there. Fast enough for unit tests of the
// lifecycle and the HTTP routes through createApp, and honest about the contract: a paused
// sandbox runs nothing, answers no engine call, and comes back with its files, images,
// volumes, and the containers that have a restart policy.
//
// Tests steer it: `fail` makes the next call of a method throw, `hold` stops a call part-way
// until released (a crash "during" a pause), `usage` sets what storage() reports.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { SlipwayError } from "../../errors.ts";
import type { Labels } from "../labels.ts";
import type {
  ManagedSandbox,
  SandboxChange,
  SandboxDriver,
  SandboxRef,
  StorageReport,
} from "../sandbox-driver.ts";
import { MemoryEngine } from "./memory-engine.ts";
import { MemorySandbox } from "./memory-sandbox.ts";
import { memoryTty } from "./memory-tty.ts";

type Method = "create" | "pause" | "resume" | "waitReady" | "exec";

export class MemoryDriver implements SandboxDriver {
  readonly name = "memory";
  readonly root = mkdtempSync(join(tmpdir(), "slipway-memory-"));
  readonly sandboxes = new Map<string, MemorySandbox>();
  readonly calls: Array<{ method: string; id: string }> = [];
  readonly usage = new Map<string, number>();
  host = { freeBytes: 500 * 1024 ** 3, totalBytes: 1000 * 1024 ** 3 };
  private readonly engines = new Map<string, MemoryEngine>();
  private readonly failures = new Map<Method, Error>();
  private readonly holds = new Map<Method, Promise<void>>();

  /** The next call of `method` throws this. */
  fail(method: Method, error: Error): void {
    this.failures.set(method, error);
  }

  /** Calls of `method` wait at their middle until the returned function is called. */
  hold(method: Method): () => void {
    let release = () => {};
    this.holds.set(method, new Promise<void>((r) => (release = r)));
    return () => (this.holds.delete(method), release());
  }

  /** Calls waiting in a hold never go on (their process was killed); later calls do not wait. */
  abandonHolds(): void {
    this.holds.clear();
  }

  sandbox(id: string): MemorySandbox {
    const sb = this.sandboxes.get(id);
    if (!sb) throw new SlipwayError("not-found", `sandbox ${id} is gone`);
    return sb;
  }

  health: SandboxDriver["health"] = async () => ({
    ok: true,
    engine: { version: "memory", privileged: false },
    mirror: { state: "ready", url: undefined },
    images: [],
  });

  create: SandboxDriver["create"] = async (spec, labels: Labels) => {
    await this.step("create", spec.id);
    const ref: SandboxRef = { id: spec.id, engine: `${spec.id}-engine`, workstation: `${spec.id}-ws` };
    const sb = new MemorySandbox(ref, spec, labels);
    const dir = join(this.root, spec.id);
    mkdirSync(join(dir, "gateway"), { recursive: true });
    const engine = new MemoryEngine(sb, dir);
    await engine.start();
    this.sandboxes.set(spec.id, sb);
    this.engines.set(spec.id, engine);
    return ref;
  };

  waitReady: SandboxDriver["waitReady"] = async (ref) => {
    await this.step("waitReady", ref.id);
    if (this.sandbox(ref.id).state !== "running")
      throw new SlipwayError("timeout", `the engine of ${ref.id} does not answer: it is paused`);
  };

  exec: SandboxDriver["exec"] = async (ref, cmd) => {
    await this.step("exec", ref.id);
    const [bin, flag, script] = cmd;
    const line = (bin === "bash" || bin === "sh") && flag === "-c" ? (script ?? "") : cmd.join(" ");
    return this.sandbox(ref.id).run(line);
  };

  openTty: SandboxDriver["openTty"] = async (ref, opts) => {
    const sb = this.sandbox(ref.id);
    sb.running();
    return memoryTty(sb, opts.name);
  };

  putFiles: SandboxDriver["putFiles"] = async (ref, files) => {
    const sb = this.sandbox(ref.id);
    sb.running();
    for (const f of files) sb.write(f.path, f.content);
  };

  readFile: SandboxDriver["readFile"] = async (ref, path, maxBytes = 1024 * 1024) => {
    const sb = this.sandbox(ref.id);
    sb.running();
    return sb.files.get(path.replace(/^\/home\/learner\//, ""))?.subarray(0, maxBytes);
  };

  connectEngine: SandboxDriver["connectEngine"] = async (ref) => {
    const engine = this.engines.get(ref.id);
    if (!engine) throw new SlipwayError("not-found", `sandbox ${ref.id} is gone`);
    return engine.connect();
  };

  resolveEnginePaths: SandboxDriver["resolveEnginePaths"] = async (_ref, paths) => ({
    paths: paths.map((p) => posix.normalize(p)),
    pinned: true,
  });

  gatewayDir = (id: string): string => join(this.root, id, "gateway");

  async *watch(ref: SandboxRef, signal: AbortSignal): AsyncIterable<SandboxChange> {
    const sb = this.sandbox(ref.id);
    const queue: SandboxChange[] = [];
    let wake: (() => void) | undefined;
    const listener = (c: SandboxChange) => (queue.push(c), wake?.());
    const onAbort = () => wake?.();
    sb.listeners.add(listener);
    signal.addEventListener("abort", onAbort);
    try {
      while (!signal.aborted) {
        const next = queue.shift();
        if (next) yield next;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      sb.listeners.delete(listener);
      signal.removeEventListener("abort", onAbort);
    }
  }

  portEndpoint: SandboxDriver["portEndpoint"] = async (ref, port) => {
    this.sandbox(ref.id).running();
    throw new SlipwayError("unavailable", `nothing listens on port ${port} in the memory sandbox`);
  };

  /** No canned command listens on a port; a paused sandbox refuses, as Docker's would. */
  listeningPorts: SandboxDriver["listeningPorts"] = async (ref) => {
    this.sandbox(ref.id).running();
    return [];
  };

  pause: SandboxDriver["pause"] = async (ref) => {
    const sb = this.sandbox(ref.id);
    await this.step("pause", ref.id);
    sb.pause();
    await this.engines.get(ref.id)?.stop();
  };

  resume: SandboxDriver["resume"] = async (ref, timeoutMs) => {
    const sb = this.sandbox(ref.id);
    await this.step("resume", ref.id);
    await this.engines.get(ref.id)?.start();
    sb.resume();
    await this.waitReady(ref, timeoutMs);
  };

  /** Tests set how many containers a sandbox's engine is still restarting. */
  readonly restartingCounts = new Map<string, number>();

  restarting: SandboxDriver["restarting"] = async (ref) => this.restartingCounts.get(ref.id) ?? 0;

  listManaged: SandboxDriver["listManaged"] = async (selector = {}) =>
    [...this.sandboxes.values()]
      .filter((sb) => Object.entries(selector).every(([k, v]) => sb.labels[k as keyof Labels] === v))
      .map((sb): ManagedSandbox => ({
        id: sb.ref.id,
        labels: sb.labels,
        ref: sb.ref,
        running: sb.state === "running",
        resources: 2,
      }));

  storage = async (): Promise<StorageReport> => ({
    hostFreeBytes: this.host.freeBytes,
    hostTotalBytes: this.host.totalBytes,
    sandboxes: [...this.sandboxes.keys()].map((id) => ({ id, usedBytes: this.usage.get(id) ?? 0 })),
  });

  prune = async (): Promise<number> => 0;

  destroy: SandboxDriver["destroy"] = async (id) => {
    this.calls.push({ method: "destroy", id });
    const sb = this.sandboxes.get(id);
    this.sandboxes.delete(id);
    if (sb) for (const l of [...sb.onStop]) l();
    await this.engines.get(id)?.stop();
    this.engines.delete(id);
    rmSync(join(this.root, id), { recursive: true, force: true });
  };

  /** Removes every sandbox and the temporary folder. */
  async close(): Promise<void> {
    for (const id of [...this.sandboxes.keys()]) await this.destroy(id);
    rmSync(this.root, { recursive: true, force: true });
  }

  private async step(method: Method, id: string): Promise<void> {
    this.calls.push({ method, id });
    await this.holds.get(method);
    const failure = this.failures.get(method);
    this.failures.delete(method);
    if (failure) throw failure;
  }
}
