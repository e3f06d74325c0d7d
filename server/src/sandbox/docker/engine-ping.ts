import { request } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";

/** True when the Docker engine behind this connection answers /_ping. */
export async function pingEngine(connect: () => Promise<Duplex>, timeoutMs = 1000): Promise<boolean> {
  const socket = await connect().catch(() => undefined);
  if (!socket) return false;
  return new Promise((resolve) => {
    const req = request(
      { path: "/_ping", timeout: timeoutMs, createConnection: () => socket as Socket },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
        socket.destroy();
      },
    );
    req.on("error", () => resolve(false));
    req.on("timeout", () => (req.destroy(), resolve(false)));
    req.end();
  });
}
