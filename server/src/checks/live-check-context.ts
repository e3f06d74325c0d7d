// A CheckContext over a live sandbox, built on the driver alone. Checks never use the
// learner's gateway: their Docker calls would land in the learner's audit trail (satisfying
// `history` checks they did not earn) and re-trigger live evaluation. So the engine API
// (inspects, container execs) is reached through connectEngine, and a check command that
// wants `docker` runs on the engine side (`target: engine`); in the workstation, `docker`
// points at a socket whose name explains this.
import { setMaxListeners } from "node:events";
import type { AuditEntry } from "../../../common/audit-entry.ts";
import { engineExec } from "../sandbox/engine-exec.ts";
import { engineGet } from "../sandbox/engine-http.ts";
import type { SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";
import type { CheckContext } from "./check-context.ts";

export interface LiveContextDeps {
  readonly driver: Pick<SandboxDriver, "exec" | "readFile" | "connectEngine" | "portEndpoint">;
  readonly ref: SandboxRef;
  readonly history: () => readonly AuditEntry[];
  readonly signal: AbortSignal;
}

/** The workspace sits at the same path in the workstation and the engine (ARCHITECTURE.md). */
const WORKSPACE = "/home/learner";
const NO_GATEWAY = { DOCKER_HOST: "unix:///checks-run-docker-with-target-engine.sock" };
const MAX_OUTPUT = 256 * 1024;

export function liveCheckContext(d: LiveContextDeps): CheckContext {
  const connect = () => d.driver.connectEngine(d.ref);
  // Every engine request of every check in flight listens to this one signal.
  setMaxListeners(200, d.signal);
  return {
    signal: d.signal,
    engine: (_method, path) => engineGet(connect, path, d.signal),
    async exec(cmd, o = {}) {
      const engine = o.target === "engine";
      const r = await d.driver.exec(d.ref, cmd, {
        target: engine ? "engine" : "workstation",
        workdir: WORKSPACE,
        timeoutMs: o.timeoutMs ?? 10_000,
        maxOutputBytes: MAX_OUTPUT,
        ...(engine ? {} : { env: NO_GATEWAY }),
        ...(o.stdin !== undefined ? { stdin: o.stdin } : {}),
      });
      return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    },
    containerExec: (container, cmd, o = {}) =>
      engineExec(connect, container, cmd, o.timeoutMs ?? 10_000, d.signal),
    readFile: (path) => d.driver.readFile(d.ref, path, 1024 * 1024),
    history: async () => d.history(),
    sandboxPort: (port) => d.driver.portEndpoint(d.ref, port),
  };
}
