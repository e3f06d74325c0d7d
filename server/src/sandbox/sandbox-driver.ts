// The seam between Slipway and whatever runs sandboxes. Only domain terms cross it: no
// dockerode type, container id format or Docker flag. A Kubernetes driver (one Pod per
// session: engine and workstation containers sharing a network namespace and a volume)
// implements the same interface.
import type { Duplex } from "node:stream";
import type { Labels } from "./labels.ts";

export interface SandboxSpec {
  /** Session id the sandbox is made for; names and labels carry it. */
  readonly id: string;
  readonly memoryMiB: number;
  readonly cpus: number;
  readonly pids: number;
  /** Disk for the learner's engine, workspace and /tmp together; 0 means unbounded. */
  readonly diskGiB: number;
  /** Images the lab pulls before the learner starts: a driver may start the sandbox holding
   *  them already (it must still behave as a fresh sandbox that pulled them). */
  readonly images?: readonly string[];
}

/** Opaque outside the driver, except for `id` (the session id). */
export interface SandboxRef {
  readonly id: string;
  readonly engine: string;
  readonly workstation: string;
}

/** Where a command runs: the learner's shell container, or the container of their engine. */
export type SandboxTarget = "workstation" | "engine";

export interface ExecOptions {
  readonly target?: SandboxTarget;
  readonly env?: Readonly<Record<string, string>>;
  readonly workdir?: string;
  readonly user?: string;
  readonly stdin?: string | Buffer;
  readonly timeoutMs?: number;
  /** Per stream; output beyond it is dropped and `truncated` is set. */
  readonly maxOutputBytes?: number;
}

export interface ExecResult {
  /** null when the command was killed by the timeout. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly truncated: boolean;
  readonly durationMs: number;
}

/** A named shell in the workstation, and the size of the screen it is shown on. */
export interface TtyOptions {
  /** Plain (`^[a-z0-9][a-z0-9_-]{0,31}$`): the same name reattaches to the same shell. */
  readonly name: string;
  readonly cols: number;
  readonly rows: number;
}

/** A shell's terminal. Output is raw bytes (UTF-8 may split). */
export interface TtyStream {
  onData(listener: (chunk: Buffer) => void): void;
  onExit(listener: (code: number | null) => void): void;
  write(data: string | Buffer): void;
  resize(cols: number, rows: number): Promise<void>;
  /** Flow control: stop reading from the process until resume(). */
  pause(): void;
  resume(): void;
  /** Detaches from the process; a shell held by dtach inside the sandbox lives on. */
  close(): void;
}

export interface SandboxFile {
  /** Relative to the workspace. */
  readonly path: string;
  readonly content: Buffer | string;
  readonly mode?: number;
}

/** Everything the driver manages for one session, found by labels. */
export interface ManagedSandbox {
  readonly id: string;
  readonly labels: Partial<Labels>;
  readonly ref: SandboxRef | undefined;
  /** Every container runs; false for a paused sandbox (or a broken one). */
  readonly running: boolean;
  readonly resources: number;
}

export interface DriverHealth {
  readonly ok: boolean;
  readonly engine: { readonly version: string | undefined; readonly privileged: boolean };
  readonly mirror: { readonly state: "ready" | "down" | "unknown"; readonly url: string | undefined };
  readonly images: ReadonlyArray<{ readonly name: string; readonly state: "ready" | "missing" }>;
}

/** Disk use, so the platform can stop the hungriest sandbox before the host fills. */
export interface StorageReport {
  readonly hostFreeBytes: number;
  readonly hostTotalBytes: number;
  readonly sandboxes: ReadonlyArray<{ readonly id: string; readonly usedBytes: number }>;
}

/** A TCP port something listens on in the sandbox's network namespace. */
export interface ListeningPort {
  readonly port: number;
  /** Only 127.0.0.1 or ::1 listen: reachable from inside the sandbox, not from the host. */
  readonly loopbackOnly: boolean;
}

/** A change in a sandbox: an object of the learner's engine, or a file in the workspace.
 *  `resync` means changes may have been missed (a watcher reconnected). */
export type SandboxChange =
  | { readonly kind: "engine"; readonly type: string; readonly action: string; readonly name?: string }
  | { readonly kind: "workspace"; readonly path: string }
  | { readonly kind: "resync" };

export interface SandboxDriver {
  readonly name: string;
  health(): Promise<DriverHealth>;
  create(spec: SandboxSpec, labels: Labels): Promise<SandboxRef>;
  /** Resolves once the learner's engine answers; rejects after timeoutMs. */
  waitReady(ref: SandboxRef, timeoutMs: number): Promise<void>;
  exec(ref: SandboxRef, cmd: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  /** Opens the named shell, starting it if needed; it outlives the stream (and the server). */
  openTty(ref: SandboxRef, opts: TtyOptions): Promise<TtyStream>;
  /** Writes files into the workspace (shared by workstation and engine). */
  putFiles(ref: SandboxRef, files: readonly SandboxFile[]): Promise<void>;
  readFile(ref: SandboxRef, path: string, maxBytes?: number): Promise<Buffer | undefined>;
  /** A raw connection to the learner's Docker Engine API (for the gateway and checks). */
  connectEngine(ref: SandboxRef): Promise<Duplex>;
  /** Paths as the engine's kernel resolves them (symlinks, `..`; missing parts allowed), for
   *  the gateway's bind-mount policy. The engine never follows a symlink stored under the
   *  LEARNER_ROOTS (learner-paths.ts), so a checked path cannot be swapped later; `pinned` is
   *  false where the kernel cannot hold that (Linux < 5.10). */
  resolveEnginePaths(
    ref: SandboxRef,
    paths: readonly string[],
  ): Promise<{ readonly paths: readonly string[]; readonly pinned: boolean }>;
  /** Host folder where the learner's Docker API must be served (as docker.sock): the
   *  workstation sees it read-only at /run/slipway, and its DOCKER_HOST points there. */
  gatewayDir(id: string): string;
  /** What changes in the sandbox, until the signal aborts (live checks re-evaluate on it). */
  watch(ref: SandboxRef, signal: AbortSignal): AsyncIterable<SandboxChange>;
  /** Where the host reaches a TCP port listening in the sandbox's network namespace. */
  portEndpoint(ref: SandboxRef, port: number): Promise<{ host: string; port: number }>;
  /** Stops everything in the sandbox and frees its memory and CPU; its disk (the engine's
   *  images, containers and volumes, the workspace) is kept. Idempotent, so a pause cut short
   *  by a crash is finished by calling it again. */
  pause(ref: SandboxRef): Promise<void>;
  /** Brings a paused sandbox back on the same disk: the engine restarts what has a restart
   *  policy, the rest stays stopped. Resolves once the learner's engine answers (as
   *  waitReady), which may be before those restarts are done; rejects after timeoutMs.
   *  Idempotent. */
  resume(ref: SandboxRef, timeoutMs: number): Promise<void>;
  /** After a resume: how many containers the engine is still bringing back (0 once done). */
  restarting(ref: SandboxRef): Promise<number>;
  /** The TCP ports listening in the sandbox's network namespace, lowest first. */
  listeningPorts(ref: SandboxRef): Promise<ListeningPort[]>;
  listManaged(selector?: Partial<Labels>): Promise<ManagedSandbox[]>;
  storage(): Promise<StorageReport>;
  /** Removes driver leftovers that belong to no sandbox (e.g. after a crash mid-create). */
  prune(): Promise<number>;
  /** Removes every resource labelled with this session id. Idempotent. */
  destroy(id: string): Promise<void>;
}
