// What a check may look at, in domain terms, so every check type runs against a fake in
// unit tests and against a live sandbox in production (the session owner builds one).
import type { AuditEntry } from "../../../common/audit-entry.ts";

export type { AuditEntry };

export interface EngineResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface CheckExecResult {
  /** null when the command was killed by its timeout. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CheckExecOptions {
  readonly target?: "workstation" | "engine";
  readonly timeoutMs?: number;
  readonly stdin?: string;
}

export interface CheckContext {
  /** Docker Engine API of the learner's engine, e.g. GET /containers/web/json. */
  engine(method: "GET", path: string): Promise<EngineResponse>;
  exec(cmd: readonly string[], opts?: CheckExecOptions): Promise<CheckExecResult>;
  /** `docker exec` in one of the learner's containers; exit 1 with the message if it is
   *  missing or stopped, as the CLI would. */
  containerExec(
    container: string,
    cmd: readonly string[],
    opts?: { timeoutMs?: number },
  ): Promise<CheckExecResult>;
  /** Workspace-relative; undefined when the file does not exist. */
  readFile(path: string): Promise<Buffer | undefined>;
  history(): Promise<readonly AuditEntry[]>;
  /** Where the server reaches this port of the sandbox's network namespace, when it can. */
  sandboxPort?(port: number): Promise<{ host: string; port: number }>;
  readonly signal: AbortSignal;
  /** Folder of the lab being checked; the runner sets it for `script` checks. */
  readonly labDir?: string;
}

/** The same context with labDir set; delegates so class-based contexts keep working. */
export function withLabDir(ctx: CheckContext, labDir: string): CheckContext {
  return {
    engine: (m, p) => ctx.engine(m, p),
    exec: (c, o) => ctx.exec(c, o),
    containerExec: (n, c, o) => ctx.containerExec(n, c, o),
    readFile: (p) => ctx.readFile(p),
    history: () => ctx.history(),
    ...(ctx.sandboxPort ? { sandboxPort: (port: number) => ctx.sandboxPort!(port) } : {}),
    signal: ctx.signal,
    labDir,
  };
}
