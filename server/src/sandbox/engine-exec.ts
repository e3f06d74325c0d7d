// `docker exec` done with the Engine API itself (create, start, inspect over connectEngine):
// a check that looks inside a learner's container costs one runc exec, not a docker CLI
// process on each side. Answers like the CLI: exit 1 with the engine's message when the
// container is missing or stopped, exit null when the timeout struck.
import { type EngineConnect, engineCall, openEngine, readAll } from "./engine-http.ts";

export interface EngineExecResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Splits Docker's multiplexed stream: per frame 1 byte stream, 3 padding, 4 length (BE). */
export function demux(raw: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[][] = [[], []];
  for (let at = 0; at + 8 <= raw.length;) {
    const len = raw.readUInt32BE(at + 4);
    (out[raw[at] === 2 ? 1 : 0] as Buffer[]).push(raw.subarray(at + 8, at + 8 + len));
    at += 8 + len;
  }
  return {
    stdout: Buffer.concat(out[0] as Buffer[]).toString(),
    stderr: Buffer.concat(out[1] as Buffer[]).toString(),
  };
}

interface ExecInfo {
  readonly Running?: boolean;
  readonly ExitCode?: number | null;
}

const message = (body: unknown) => String((body as { message?: string } | null)?.message ?? body);

export async function engineExec(
  connect: EngineConnect,
  container: string,
  cmd: readonly string[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<EngineExecResult> {
  // A plain controller rather than AbortSignal.any: the session's signal lives for hours and
  // would keep track of every composite made from it.
  const limiter = new AbortController();
  const timer = setTimeout(() => limiter.abort(), timeoutMs);
  const forward = () => limiter.abort();
  signal.addEventListener("abort", forward, { once: true });
  try {
    return await run(connect, container, cmd, limiter.signal, signal, timeoutMs);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", forward);
  }
}

async function run(
  connect: EngineConnect,
  container: string,
  cmd: readonly string[],
  limit: AbortSignal,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<EngineExecResult> {
  const path = `/containers/${encodeURIComponent(container)}/exec`;
  const created = await engineCall(connect, "POST", path, limit, {
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
  });
  if (created.status !== 201) return { exitCode: 1, stdout: "", stderr: `Error: ${message(created.body)}` };
  const id = (created.body as { Id: string }).Id;
  try {
    const started = await openEngine(connect, "POST", `/exec/${id}/start`, limit, {
      Detach: false,
      Tty: false,
    });
    const { stdout, stderr } = demux(await readAll(started, 4 * 1024 * 1024));
    // The stream can end a moment before the engine records the exit code.
    for (let tries = 0; ; tries++) {
      const info = (await engineCall(connect, "GET", `/exec/${id}/json`, signal)).body as ExecInfo;
      if (!info.Running || tries >= 50) return { exitCode: info.ExitCode ?? null, stdout, stderr };
      await new Promise((r) => setTimeout(r, 10));
    }
  } catch (e) {
    if (limit.aborted && !signal.aborted)
      return { exitCode: null, stdout: "", stderr: `timed out after ${timeoutMs} ms` };
    throw e;
  }
}
