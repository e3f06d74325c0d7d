// Commands over the Docker exec API. Non-TTY output is multiplexed; we demux it ourselves to
// cap each stream, and wrap the command in `timeout` because Docker cannot kill an exec.
import type Dockerode from "dockerode";
import type { Duplex } from "node:stream";
import type { ExecOptions, ExecResult } from "../sandbox-driver.ts";

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_OUTPUT = 1024 * 1024;

export async function execIn(
  container: Dockerode.Container,
  cmd: readonly string[],
  o: ExecOptions = {},
): Promise<ExecResult> {
  const started = Date.now();
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const max = o.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const exec = await container.exec({
    Cmd: ["timeout", "-s", "KILL", `${Math.ceil(timeoutMs / 1000)}`, ...cmd],
    AttachStdout: true,
    AttachStderr: true,
    AttachStdin: o.stdin !== undefined,
    Env: Object.entries(o.env ?? {}).map(([k, v]) => `${k}=${v}`),
    WorkingDir: o.workdir,
    User: o.user,
  });
  const stream = (await exec.start({ hijack: true, stdin: o.stdin !== undefined })) as Duplex;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const sizes: [number, number] = [0, 0];
  let truncated = false;
  let pending = Buffer.alloc(0);
  stream.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    // Docker's multiplexed frames: 1 byte stream id, 3 padding, 4 bytes big-endian length.
    while (pending.length >= 8) {
      const len = pending.readUInt32BE(4);
      if (pending.length < 8 + len) break;
      const which = pending[0] === 2 ? 1 : 0;
      const payload = pending.subarray(8, 8 + len);
      pending = pending.subarray(8 + len);
      const kept = payload.subarray(0, Math.max(0, max - sizes[which]));
      if (kept.length < payload.length) truncated = true;
      sizes[which] += kept.length;
      if (kept.length > 0) (which ? err : out).push(kept);
    }
  });
  if (o.stdin !== undefined) stream.end(o.stdin);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    new Promise<boolean>((resolve) => {
      stream.on("end", () => resolve(false));
      stream.on("close", () => resolve(false));
      stream.on("error", () => resolve(false));
    }),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs + 2000);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut) stream.destroy();
  const info = await exec.inspect();
  const code = info.ExitCode;
  // `timeout -s KILL` reports 137 when it had to kill the command.
  const killed = timedOut || (code === 137 && Date.now() - started >= timeoutMs);
  return {
    exitCode: killed ? null : (code ?? null),
    stdout: Buffer.concat(out).toString(),
    stderr: Buffer.concat(err).toString(),
    timedOut: killed,
    truncated,
    durationMs: Date.now() - started,
  };
}
