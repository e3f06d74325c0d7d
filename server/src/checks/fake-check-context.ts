// A CheckContext made of plain data, for unit tests of check types, the runner and the
// lab tester. Engine paths map to bodies; exec answers come from a function.
import type { AuditEntry, CheckContext, CheckExecOptions, CheckExecResult } from "./check-context.ts";

export interface FakeState {
  engine?: Record<string, unknown>;
  files?: Record<string, string>;
  history?: AuditEntry[];
  exec?: (cmd: readonly string[], opts?: CheckExecOptions) => CheckExecResult | Promise<CheckExecResult>;
}

export function fakeCheckContext(
  state: FakeState = {},
  labDir?: string,
): CheckContext & { state: FakeState } {
  return {
    state,
    labDir,
    signal: new AbortController().signal,
    async engine(_m, path) {
      const body = state.engine?.[path];
      return body === undefined ? { status: 404, body: { message: "not found" } } : { status: 200, body };
    },
    async exec(cmd, opts) {
      return state.exec ? state.exec(cmd, opts) : { exitCode: 127, stdout: "", stderr: "no exec in fake" };
    },
    async containerExec(container, cmd, opts) {
      return this.exec(["docker", "exec", container, ...cmd], opts);
    },
    async readFile(path) {
      const f = state.files?.[path];
      return f === undefined ? undefined : Buffer.from(f);
    },
    async history() {
      return state.history ?? [];
    },
  };
}

export const ok = (stdout = ""): CheckExecResult => ({ exitCode: 0, stdout, stderr: "" });
