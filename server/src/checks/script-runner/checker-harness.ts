// The checker process's side (bundled by the script runner and run with `node -e`, so the
// process needs no read access to it): it waits for a "run" message, imports the bundled
// checker, hands it a CheckContext whose calls are questions to the server, and sends the
// verdict. Nothing here is trusted by the server, which validates every message.
import { rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import type { CheckContext } from "../check-context.ts";
import type { ContextMethod, FromChecker, ToChecker } from "./checker-protocol.ts";

const MAX_ERRORS = 20;
const MAX_ERROR_CHARS = 1000;

// The protocol owns stdout; whatever the checker prints goes to stderr instead.
const stdout = process.stdout;
const protocolWrite = stdout.write.bind(stdout);
stdout.write = process.stderr.write.bind(process.stderr) as typeof stdout.write;
const send = (m: FromChecker, then?: () => void) => protocolWrite(`${JSON.stringify(m)}\n`, then);

/** The run folder, which the process removes if its server goes away. */
const home = process.cwd();
const abort = new AbortController();
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextId = 0;
let finished = false;

function call(method: ContextMethod, params: unknown[]): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    send({ t: "call", id, method, params });
  });
}

const ctx: CheckContext = {
  engine: (method, path) => call("engine", [method, path]) as ReturnType<CheckContext["engine"]>,
  exec: (cmd, opts) => call("exec", [cmd, opts]) as ReturnType<CheckContext["exec"]>,
  containerExec: (container, cmd, opts) =>
    call("containerExec", [container, cmd, opts]) as ReturnType<CheckContext["containerExec"]>,
  readFile: async (path) => {
    const b64 = await call("readFile", [path]);
    return typeof b64 === "string" ? Buffer.from(b64, "base64") : undefined;
  },
  history: () => call("history", []) as ReturnType<CheckContext["history"]>,
  signal: abort.signal,
};

function finish(m: FromChecker): void {
  if (finished) return;
  finished = true;
  send(m, () => process.exit(0));
}

/** What Node's permission model refused, said in terms of what a checker should do instead. */
const REFUSED: Record<string, (resource: string) => string> = {
  FileSystemRead: (r) =>
    `reading ${r} is not allowed; a checker reads the sandbox through ctx (readFile, exec)`,
  FileSystemWrite: (r) => `writing ${r} is not allowed; a checker may write only in its working directory`,
  ChildProcess: () => "starting a process is not allowed unless the check sets allowChildProcess: true",
  WorkerThreads: () => "starting a worker thread is not allowed unless the check sets allowWorker: true",
  Signal: () => "sending signals is not allowed unless the check sets allowChildProcess: true",
};

// Node's permission model does not cover signals, and a checker could kill the server
// (process.kill(process.ppid)). Unless it may start processes anyway, it sends none; the
// checker's code runs after this, and nothing else in its reach sends signals.
if (!process.permission?.has("child")) {
  const refuse = (): never => {
    throw Object.assign(new Error("Access to this API has been restricted"), {
      code: "ERR_ACCESS_DENIED",
      permission: "Signal",
      resource: "",
    });
  };
  process.kill = refuse;
  (process as unknown as { _kill: unknown })._kill = refuse;
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return `threw ${String(e)}`;
  const { code, permission, resource } = e as { code?: unknown; permission?: unknown; resource?: unknown };
  const refused = code === "ERR_ACCESS_DENIED" ? REFUSED[String(permission)] : undefined;
  const what = refused
    ? `threw ERR_ACCESS_DENIED: ${refused(String(resource))}`
    : `threw ${e.name}${typeof code === "string" && !e.message.includes(code) ? ` ${code}` : ""}: ${e.message}`;
  const at = checkerFrame(e.stack);
  return at ? `${what} (at ${at})` : what;
}

/** The first stack frame in the checker's own sources (source-mapped back to its .ts file). */
function checkerFrame(stack: string | undefined): string | undefined {
  const line = stack?.split("\n").find((l) => /^\s+at .*\.ts:\d+:\d+\)?$/.test(l));
  return line
    ?.trim()
    .replace(/^at (.* \()?/, "")
    .replace(/\)$/, "");
}

function verdict(out: unknown): FromChecker {
  if (typeof out === "boolean") return { t: "done", pass: out, errors: [] };
  if (out !== null && typeof out === "object" && typeof (out as { pass?: unknown }).pass === "boolean") {
    const { pass, errors } = out as { pass: boolean; errors?: unknown };
    const list = Array.isArray(errors) ? errors : [];
    const texts = list.slice(0, MAX_ERRORS).map((x) => String(x).slice(0, MAX_ERROR_CHARS));
    return { t: "done", pass, errors: texts };
  }
  const shown = JSON.stringify(out)?.slice(0, 100) ?? String(out);
  return { t: "error", message: `check() returned ${shown}; expected true, false or { pass, errors }` };
}

async function run(file: string, args: Record<string, unknown>): Promise<void> {
  const mod = (await import(pathToFileURL(file).href)) as { check?: unknown };
  if (typeof mod.check !== "function")
    return finish({ t: "error", message: "does not export a check(ctx, args) function" });
  finish(verdict(await (mod.check as (c: CheckContext, a: unknown) => unknown)(ctx, args)));
}

function receive(m: ToChecker): void {
  if (m.t === "run") {
    run(m.file, m.args).catch((e: unknown) => finish({ t: "error", message: describe(e) }));
    return;
  }
  const waiting = pending.get(m.id);
  pending.delete(m.id);
  if (m.ok) waiting?.resolve(m.value);
  else waiting?.reject(new Error(m.error));
}

process.on("uncaughtException", (e) => finish({ t: "error", message: describe(e) }));
process.on("unhandledRejection", (e) => finish({ t: "error", message: describe(e) }));
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => receive(JSON.parse(line) as ToChecker));
// The server went away (a server that ends a run kills the process instead): stop, so no
// checker outlives it, and take the run folder along.
lines.on("close", () => {
  abort.abort();
  rmSync(home, { recursive: true, force: true });
  process.exit(1);
});
