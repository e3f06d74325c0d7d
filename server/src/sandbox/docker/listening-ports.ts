// Which TCP ports listen in a sandbox: the kernel's own table for the network namespace the
// engine and workstation share (/proc/net/tcp and tcp6), read in the engine container, where
// the learner has no shell to tamper with what runs. A port published with `docker run -p`
// shows as docker-proxy listening on 0.0.0.0; a server bound to 127.0.0.1 shows as loopback.
import type Dockerode from "dockerode";
import type { ListeningPort } from "../sandbox-driver.ts";
import { execIn } from "./docker-exec.ts";

const LISTEN = "0A";
/** Docker's embedded DNS in the sandbox network (127.0.0.11, a random port): not the learner's. */
const DOCKER_DNS = "0B00007F";

/** The kernel prints addresses as little-endian hex: 127.x.x.x ends in 7F, also IPv4-mapped. */
const isLoopback = (hex: string): boolean =>
  hex.length === 8 || hex.startsWith("0000000000000000FFFF0000")
    ? hex.endsWith("7F")
    : hex === "00000000000000000000000001000000"; // ::1

export async function listeningPorts(engine: Dockerode.Container): Promise<ListeningPort[]> {
  // tcp6 is missing when the kernel has no IPv6: cat still prints tcp, and exits 1.
  const r = await execIn(engine, ["cat", "/proc/net/tcp", "/proc/net/tcp6"], { timeoutMs: 10_000 });
  return parseProcNetTcp(r.stdout);
}

/** Lines such as `0: 00000000:1F90 00000000:0000 0A …`; header lines do not match. */
export function parseProcNetTcp(text: string): ListeningPort[] {
  const ports = new Map<number, boolean>();
  for (const line of text.split("\n")) {
    const [, local, , state] = line.trim().split(/\s+/);
    const m = /^([0-9A-F]{8}|[0-9A-F]{32}):([0-9A-F]{4})$/i.exec(local ?? "");
    if (!m || state !== LISTEN) continue;
    const address = (m[1] as string).toUpperCase();
    if (address === DOCKER_DNS) continue;
    const port = parseInt(m[2] as string, 16);
    ports.set(port, (ports.get(port) ?? true) && isLoopback(address));
  }
  return [...ports].sort(([a], [b]) => a - b).map(([port, loopbackOnly]) => ({ port, loopbackOnly }));
}
