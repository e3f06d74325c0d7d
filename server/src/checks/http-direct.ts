// An HTTP request from the server straight to a port of the sandbox's network namespace (the
// engine's address on the sandbox network), for an `http` check on localhost: a few
// milliseconds, where curl in the workstation costs an exec (a runc exec: 70 ms on a quiet
// host, far more on a busy one). Only a full answer that meets the check counts: anything
// else is left to curl in the workstation, which sees what the learner sees, so this can only
// make a check faster, never change its verdict on a state the learner can reach.
import { request } from "node:http";

export interface DirectAnswer {
  readonly status: number;
  readonly body: string;
}

/** More than a check matches against; a bigger answer is left to curl. */
const MAX_BODY = 1024 * 1024;
const LOCAL = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The URL's port when it names the sandbox's own loopback over plain HTTP, else undefined. */
export function localPort(url: string): number | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== "http:" || !LOCAL.has(u.hostname) || u.username || u.password) return undefined;
  return Number(u.port || 80);
}

/** The answer, or undefined for no full answer within the time (refused, reset, too big). */
export function directRequest(
  to: { host: string; port: number },
  url: string,
  method: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<DirectAnswer | undefined> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = request(
      {
        host: to.host,
        port: to.port,
        method,
        path: `${u.pathname}${u.search}`,
        // As curl would send it: the learner's app may route on it.
        headers: { host: u.host, "user-agent": "curl/7.88.1", accept: "*/*" },
        timeout: timeoutMs,
        signal,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY) return void (req.destroy(), resolve(undefined));
          chunks.push(c);
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", () => resolve(undefined));
      },
    );
    req.on("timeout", () => (req.destroy(), resolve(undefined)));
    req.on("error", () => resolve(undefined));
    req.end();
  });
}
