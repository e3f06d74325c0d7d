// Where the learner's engine will find paths, for the gateway's bind-mount policy. The
// workspace and /tmp are the learner's to write, so a path checked now could be swapped for
// a symlink to / before the engine mounts it (at start, or at any restart a restart policy
// makes, with no API call to check). Mounting those roots `nosymfollow` in the engine closes
// that: its kernel then refuses to follow any symlink stored there. The cost: symlinks inside
// a read-write bind of the workspace do not resolve in the learner's container either (the
// flag is inherited; read-only binds are remounted and keep working).
import type Dockerode from "dockerode";
import { execIn } from "./docker-exec.ts";

// $@: roots, "--", paths. Prints "pinned" or "unpinned", then each real path, NUL-separated.
const SCRIPT = `
state=pinned
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  root=$1; shift
  mountpoint -q "$root" || mount --bind "$root" "$root" || state=unpinned
  mount -o remount,bind,nosymfollow "$root" 2>/dev/null || state=unpinned
done
shift
printf '%s\\0' "$state"
[ "$#" -eq 0 ] || realpath -m -z -- "$@"
`;

export async function resolveEnginePaths(
  engine: Dockerode.Container,
  paths: readonly string[],
  roots: readonly string[],
): Promise<{ paths: string[]; pinned: boolean }> {
  const r = await execIn(engine, ["sh", "-c", SCRIPT, "sh", ...roots, "--", ...paths], { timeoutMs: 10_000 });
  const [state, ...real] = r.stdout.split("\0");
  if (r.exitCode !== 0 || real.length !== paths.length + 1)
    throw new Error(`resolving paths in the engine failed: ${r.stderr.trim() || `exit ${r.exitCode}`}`);
  return { paths: real.slice(0, paths.length), pinned: state === "pinned" };
}
