// Where the learner's engine will find paths, for the gateway's bind-mount policy. The engine
// mounts the learner's roots nosymfollow once at start (engine-entrypoint.sh): a path checked
// now cannot later be swapped for a symlink to /. A resolver already running in the engine
// (engine-resolve.sh, behind socat) answers with each path as its kernel resolves it; asking
// it costs a connection, where a docker exec per bind mount cost the learner's `docker run
// -v` about seventy milliseconds.
import type { Duplex } from "node:stream";

export async function resolveEnginePaths(
  connect: () => Promise<Duplex>,
  paths: readonly string[],
): Promise<{ paths: string[]; pinned: boolean }> {
  if (paths.some((p) => p.includes("\0"))) throw new Error("a path holds a NUL byte");
  const socket = await connect();
  const answer = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    // The resolver runs inside the sandbox's CPU quota, which the learner's own containers can
    // hold: a first PostgreSQL start under Compose, at load 20, kept it past 5 s, and the
    // learner's `up` was refused as if the path were wrong. The learner's call waits meanwhile.
    const timer = setTimeout(() => socket.destroy(new Error("the engine's path resolver timed out")), 20_000);
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", (e) => (clearTimeout(timer), reject(e)));
    socket.on("close", () => (clearTimeout(timer), resolve(Buffer.concat(chunks).toString("utf8"))));
    socket.end(paths.map((p) => `${p}\0`).join(""));
  });
  const [state, ...real] = answer.split("\0");
  if (real.length !== paths.length + 1 || !(state === "pinned" || state === "unpinned"))
    throw new Error(`the engine's path resolver answered ${JSON.stringify(answer.slice(0, 200))}`);
  return { paths: real.slice(0, paths.length), pinned: state === "pinned" };
}
