// Node's permission model covers files, processes and workers, not sockets. A checker run by
// a root server could otherwise connect to the host engine's socket (root on the host) or to
// a service on the host's loopback (the mirror's push listener). So, where the server is root,
// a checker process also gets a network namespace of its own (nothing but its own loopback)
// and runs as nobody (no unix socket of root's accepts it); its run folder is handed over.
import { existsSync } from "node:fs";
import { chown } from "node:fs/promises";

const NOBODY = 65534;
const UNSHARE = "/usr/bin/unshare";
const SETPRIV = "/usr/bin/setpriv";

const isolated = process.getuid?.() === 0 && existsSync(UNSHARE) && existsSync(SETPRIV);

/** The program and arguments that run `node args` isolated, where the host allows it. */
export function isolatedCommand(args: readonly string[]): { file: string; args: string[] } {
  if (!isolated) return { file: process.execPath, args: [...args] };
  const drop = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", "--"];
  return { file: UNSHARE, args: ["--net", "--", SETPRIV, ...drop, process.execPath, ...args] };
}

/** Gives the run folder to the user the checker runs as. */
export async function handOver(dir: string): Promise<void> {
  if (isolated) await chown(dir, NOBODY, NOBODY);
}
