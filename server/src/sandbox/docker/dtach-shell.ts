// The learner's named shells, held by dtach in the workstation so they outlive sockets and
// server restarts. The server speaks dtach's socket protocol itself, from the host, instead
// of running `dtach -a` through docker exec: the relay then costs nothing inside the
// learner's CPU quota (through exec it halved a `cat`'s speed on one CPU) and an attached
// terminal holds no exec stream open in dockerd.
import { rmSync } from "node:fs";
import type { Socket } from "node:net";
import { join } from "node:path";
import type Dockerode from "dockerode";
import type { TtyStream } from "../sandbox-driver.ts";
import { execIn } from "./docker-exec.ts";
import { TERMS_DIR } from "./sandbox-containers.ts";
import { connectNoFollow } from "./socket-no-follow.ts";

// dtach.h: struct packet { u8 type; u8 len; union { u8 buf[8]; struct winsize ws; } u; }.
const PACKET_BYTES = 10;
const MSG = { push: 0, attach: 1, winch: 3, redraw: 4 } as const;
/** ^L, and only when the program reads raw keys (readline at a prompt, vim, less). */
const REDRAW_CTRL_L = 2;

function packet(type: number, len: number, payload?: Buffer): Buffer {
  const b = Buffer.alloc(PACKET_BYTES);
  b[0] = type;
  b[1] = len;
  payload?.copy(b, 2, 0, 8);
  return b;
}

/** struct winsize { rows, cols, xpixel, ypixel } as native (little-endian) shorts. */
function winsize(cols: number, rows: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16LE(Math.max(1, Math.min(65535, Math.trunc(rows))), 0);
  b.writeUInt16LE(Math.max(1, Math.min(65535, Math.trunc(cols))), 2);
  return b;
}

/** Input travels in packets of at most 8 bytes. */
export function pushPackets(data: Buffer): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += 8) {
    const part = data.subarray(i, i + 8);
    out.push(packet(MSG.push, part.length, part));
  }
  return Buffer.concat(out);
}

/** The learner is root in the workstation and can plant anything under a shell's name: only
 *  a real socket in the session's own folder is ever connected (see socket-no-follow.ts). */
const tryConnect = (dir: string, name: string): Promise<Socket | undefined> =>
  connectNoFollow(dir, name).catch(() => undefined);

export interface ShellHost {
  /** Host folder of the sockets, bind-mounted into the workstation. */
  readonly hostDir: string;
  /** Starts a dtach master for `name` in the workstation; resolves once its socket exists. */
  start(name: string): Promise<void>;
}

/** Starts masters in the workstation; `script` gives dtach a terminal with sane settings to
 *  hand on to the shell's pty. */
export function dtachStarter(workstation: Dockerode.Container): ShellHost["start"] {
  return async (name) => {
    const cmd = `dtach -n ${TERMS_DIR}/${name} -E -z bash`;
    const r = await execIn(workstation, ["script", "-qec", cmd, "/dev/null"], { timeoutMs: 15_000 });
    if (r.exitCode !== 0) throw new Error(`starting shell ${name}: ${(r.stdout + r.stderr).trim()}`);
  };
}

export async function openDtachShell(
  host: ShellHost,
  name: string,
  size: { cols: number; rows: number },
): Promise<TtyStream> {
  let socket = await tryConnect(host.hostDir, name);
  if (!socket) {
    // Left by a shell that ended with its sandbox still up, or planted: unlink never follows.
    rmSync(join(host.hostDir, name), { force: true });
    await host.start(name);
    socket = await tryConnect(host.hostDir, name);
    if (!socket) throw new Error(`the shell ${name} did not start`);
  }
  // A fresh master dropped the shell's first prompt (nobody was attached): ^L redraws it,
  // and after a server restart it redraws whatever is on the screen.
  socket.write(
    Buffer.concat([packet(MSG.attach, 0), packet(MSG.redraw, REDRAW_CTRL_L, winsize(size.cols, size.rows))]),
  );
  return streamOver(socket);
}

function streamOver(socket: Socket): TtyStream {
  const exitListeners: Array<(code: number | null) => void> = [];
  let closing = false;
  let exited = false;
  // The master closes every client when the shell ends; dtach does not pass the exit code on.
  socket.on("close", () => {
    if (closing || exited) return;
    exited = true;
    for (const l of exitListeners) l(null);
  });
  socket.on("error", () => socket.destroy());
  return {
    onData: (l) => void socket.on("data", l),
    onExit: (l) => void exitListeners.push(l),
    write: (d) => void socket.write(pushPackets(Buffer.from(d))),
    resize: async (cols, rows) => void socket.write(packet(MSG.winch, 0, winsize(cols, rows))),
    pause: () => void socket.pause(),
    resume: () => void socket.resume(),
    close: () => {
      closing = true;
      socket.destroy();
    },
  };
}
