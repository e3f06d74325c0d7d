// Where the learner's engine will find paths, for the gateway's bind-mount policy. The engine
// mounts the learner's roots nosymfollow once at start (engine-entrypoint.sh): a path checked
// now cannot later be swapped for a symlink to /. A resolver already running in the engine
// (engine-resolve.sh, behind socat) answers with each path as its kernel resolves it; asking
// it costs a connection, where a docker exec per bind mount cost the learner's `docker run
// -v` about seventy milliseconds.
import type { Duplex } from "node:stream";

/** The resolver runs inside the sandbox's CPU quota, which the learner's own containers can
 *  hold: a Compose stack's first PostgreSQL start, at load 20, kept it past 5 s, and the
 *  learner's `up` was refused as if the path were wrong. The learner's call waits meanwhile. */
const BUDGET_MS = 20_000;
/** socat accepts one connection at a time into a short backlog: Compose creating several
 *  containers at once, in a throttled sandbox, can find it full (EAGAIN) or between forks. */
const TRANSIENT = new Set(["EAGAIN", "ECONNREFUSED", "ECONNRESET", "EPIPE"]);

export async function resolveEnginePaths(
  connect: () => Promise<Duplex>,
  paths: readonly string[],
): Promise<{ paths: string[]; pinned: boolean }> {
  if (paths.some((p) => p.includes("\0"))) throw new Error("a path holds a NUL byte");
  const deadline = Date.now() + BUDGET_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return parse(await ask(connect, paths, deadline - Date.now()), paths.length);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const again = (code !== undefined && TRANSIENT.has(code)) || e instanceof ShortAnswer;
      if (!again || Date.now() + 50 * attempt >= deadline) throw e;
      await new Promise((r) => setTimeout(r, Math.min(50 * attempt, 500)));
    }
  }
}

class ShortAnswer extends Error {}

async function ask(connect: () => Promise<Duplex>, paths: readonly string[], ms: number): Promise<string> {
  const socket = await connect();
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error("the engine's path resolver timed out")), ms);
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", (e) => (clearTimeout(timer), reject(e)));
    socket.on("close", () => (clearTimeout(timer), resolve(Buffer.concat(chunks).toString("utf8"))));
    socket.end(paths.map((p) => `${p}\0`).join(""));
  });
}

function parse(answer: string, count: number): { paths: string[]; pinned: boolean } {
  const [state, ...real] = answer.split("\0");
  // Nothing at all: the connection closed before the resolver ran (a fork that failed).
  if (answer === "") throw new ShortAnswer("the engine's path resolver answered nothing");
  if (real.length !== count + 1 || !(state === "pinned" || state === "unpinned"))
    throw new Error(`the engine's path resolver answered ${JSON.stringify(answer.slice(0, 200))}`);
  return { paths: real.slice(0, count), pinned: state === "pinned" };
}
