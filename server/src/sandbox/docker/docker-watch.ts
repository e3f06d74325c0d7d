// SandboxDriver.watch on Docker: the learner's engine events plus workspace file changes.
// Files are watched by inotifywait inside the workstation, so it works whether the host
// engine is local or remote. The watcher lives only as long as our exec connection: when it
// closes (abort, session stop, even kill -9 of the server) its stdin ends and a guard kills it.
import type Dockerode from "dockerode";
import { createInterface } from "node:readline";
import { type Duplex, PassThrough } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { mergeIterables } from "../../util/merge-iterables.ts";
import { engineEvents } from "../engine-events.ts";
import type { EngineConnect } from "../engine-http.ts";
import type { SandboxChange } from "../sandbox-driver.ts";
import { execIn } from "./docker-exec.ts";
import { WORKSPACE } from "../learner-paths.ts";

const INOTIFY = `command -v inotifywait >/dev/null 2>&1 || exit 127
exec 3<&0
inotifywait -m -r -q -e close_write,create,delete,moved_to,moved_from,attrib --format '%w%f' ${WORKSPACE} 3<&- & w=$!
{ cat <&3; kill $w; } >/dev/null 2>&1 &
wait $w`;
const FINGERPRINT = `find ${WORKSPACE} -xdev -printf '%T@ %s %p\\n' 2>/dev/null | md5sum`;
const NOT_INSTALLED = 127;

export function watchSandbox(
  workstation: Dockerode.Container,
  connect: EngineConnect,
  signal: AbortSignal,
): AsyncIterable<SandboxChange> {
  return mergeIterables([engineEvents(connect, signal), workspaceChanges(workstation, signal)], signal);
}

async function* workspaceChanges(ws: Dockerode.Container, signal: AbortSignal): AsyncIterable<SandboxChange> {
  let backoff = 250;
  while (!signal.aborted) {
    const started = Date.now();
    let code: number | null = null;
    try {
      code = yield* inotify(ws, signal);
    } catch {
      // the workstation is gone or busy: retry below until the signal says stop
    }
    // Sandboxes made from an older workstation image have no inotifywait: poll instead.
    if (code === NOT_INSTALLED) return yield* poll(ws, signal);
    if (signal.aborted) return;
    if (Date.now() - started > 10_000) backoff = 250;
    await sleep(backoff, undefined, { signal }).catch(() => undefined);
    backoff = Math.min(backoff * 2, 5000);
    yield { kind: "resync" };
  }
}

/** One inotifywait run; returns its exit code once it ends (the learner may kill it). */
async function* inotify(
  ws: Dockerode.Container,
  signal: AbortSignal,
): AsyncGenerator<SandboxChange, number | null> {
  const exec = await ws.exec({
    Cmd: ["sh", "-c", INOTIFY],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = (await exec.start({ hijack: true, stdin: true })) as Duplex;
  const out = new PassThrough();
  (ws.modem as { demuxStream(s: Duplex, o: PassThrough, e: PassThrough): void }).demuxStream(
    stream,
    out,
    new PassThrough().resume(),
  );
  const end = () => out.end();
  stream.once("end", end).once("close", end).once("error", end);
  const abort = () => stream.destroy();
  signal.addEventListener("abort", abort, { once: true });
  try {
    for await (const line of createInterface({ input: out }))
      yield { kind: "workspace", path: line.slice(WORKSPACE.length + 1) };
  } finally {
    signal.removeEventListener("abort", abort);
    stream.destroy();
  }
  return (await exec.inspect().catch(() => undefined))?.ExitCode ?? null;
}

async function* poll(ws: Dockerode.Container, signal: AbortSignal): AsyncIterable<SandboxChange> {
  let last: string | undefined;
  while (!signal.aborted) {
    const r = await execIn(ws, ["sh", "-c", FINGERPRINT], { timeoutMs: 10_000 }).catch(() => undefined);
    const sum = r?.exitCode === 0 ? r.stdout.trim() : undefined;
    if (sum !== undefined && last !== undefined && sum !== last) yield { kind: "workspace", path: "" };
    last = sum ?? last;
    await sleep(1000, undefined, { signal }).catch(() => undefined);
  }
}
