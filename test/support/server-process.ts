// Runs `npm start`'s entry point as a real child process, for crash and restart tests.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ephemeralInstance } from "../../server/src/sessions/reconcile/ephemeral-instance.ts";

const ROOT = join(import.meta.dirname, "..", "..");

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, SLIPWAY_PORT: "0", SLIPWAY_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    // A server that never got ready is stopped: left running, it held the setup lock and
    // kept the next test waiting.
    const timer = setTimeout(
      () => (child.kill("SIGTERM"), reject(new Error(`server did not start:\n${output}`))),
      120_000,
    );
    const onData = (c: Buffer) => {
      output += c.toString();
      const m = output.match(/Slipway is ready in [\d.]+s: (http:\/\/\S+)/);
      if (!m?.[1]) return;
      clearTimeout(timer);
      resolve(m[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once(
      "exit",
      (code) => (clearTimeout(timer), reject(new Error(`server exited ${code}:\n${output}`))),
    );
  });
  return {
    url,
    child,
    output: () => output,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** A database and instance of its own, no warm pool: a server whose sandboxes are its own. */
export function serverEnv(name: string): Record<string, string> {
  return {
    SLIPWAY_DB: join(mkdtempSync(join(tmpdir(), `slipway-${name}-`)), "slipway.db"),
    SLIPWAY_INSTANCE: ephemeralInstance(name),
    SLIPWAY_POOL_SIZE: "0",
    SLIPWAY_POOL_MEMORY_MIB: "0",
  };
}

/** One JSON API call, as a script would make it. */
export async function apiCall<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}
