// Which TCP ports listen in a sandbox: the kernel's own table for the network namespace the
// engine and workstation share (/proc/net/tcp and tcp6), read in the engine container, where
// the learner has no shell to tamper with what runs. A port published with `docker run -p`
// shows as docker-proxy listening on 0.0.0.0; a server bound to 127.0.0.1 shows as loopback.
import type Dockerode from "dockerode";
import type { ListeningPort } from "../sandbox-driver.ts";
import { execIn } from "./docker-exec.ts";

const LISTEN = "0A";
const LOOPBACK = new Set([
  "0100007F", // 127.0.0.1, as the kernel prints it (little-endian)
  "00000000000000000000000001000000", // ::1
  "0000000000000000FFFF00000100007F", // ::ffff:127.0.0.1
]);

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
    const port = parseInt(m[2] as string, 16);
    const loopback = LOOPBACK.has((m[1] as string).toUpperCase());
    ports.set(port, (ports.get(port) ?? true) && loopback);
  }
  return [...ports].sort(([a], [b]) => a - b).map(([port, loopbackOnly]) => ({ port, loopbackOnly }));
}
