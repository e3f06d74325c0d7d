// Connecting to a unix socket that sits in a folder a sandbox can write (the terminals' dtach
// sockets; the engine's). connect(2) has no O_NOFOLLOW: given a path, the kernel follows a
// symlink planted there, e.g. into another session's terminal. So the socket is opened first
// with O_PATH|O_NOFOLLOW, checked to be a socket on the folder's own filesystem (the
// sandbox's disk), and connected through /proc/self/fd/N, which names that very inode
// whatever becomes of the path afterwards. Only the last component is learner-writable: the
// folder itself is the server's.
import { closeSync, constants, fstatSync, openSync, statSync } from "node:fs";
import { type Socket, connect } from "node:net";
import { join } from "node:path";

// Linux's O_PATH (the same value on x86_64 and arm64); Node does not export it.
const O_PATH = 0o10000000;

export class UnsafeSocketError extends Error {}

/** Resolves with the connected socket, or rejects (ENOENT, ECONNREFUSED, UnsafeSocketError). */
export function connectNoFollow(dir: string, name: string): Promise<Socket> {
  if (name === "" || name === "." || name === ".." || name.includes("/"))
    return Promise.reject(new UnsafeSocketError(`not a plain socket name: ${JSON.stringify(name)}`));
  let fd: number;
  try {
    fd = openSync(join(dir, name), O_PATH | constants.O_NOFOLLOW);
  } catch (e) {
    return Promise.reject(e as Error);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isSocket()) throw new UnsafeSocketError(`${name} in ${dir} is not a socket`);
    if (st.dev !== statSync(dir).dev) throw new UnsafeSocketError(`${name} is not on ${dir}'s filesystem`);
  } catch (e) {
    closeSync(fd);
    return Promise.reject(e as Error);
  }
  return new Promise((resolve, reject) => {
    const socket = connect(`/proc/self/fd/${fd}`);
    const settle = (e?: Error) => {
      socket.off("connect", settle).off("error", settle);
      closeSync(fd);
      if (e) reject(e);
      else resolve(socket);
    };
    socket.once("connect", settle).once("error", settle);
  });
}
