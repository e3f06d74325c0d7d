// Bind mounts must come from the learner's workspace or /tmp. The check runs on the path as
// written, on its normalised form (`/home/learner/../../etc` is /etc) and on both as the
// engine's kernel resolves them, because the workspace is the learner's to fill with
// symlinks (`ln -s / link; -v $PWD/link:/host`).
import { posix } from "node:path";
import { LEARNER_ROOTS } from "../../sandbox/learner-paths.ts";
import type { Denial } from "./denial.ts";
import type { MountUse } from "./mount-uses.ts";
import type { PolicyContext } from "./policy-context.ts";

const ROOTS_TEXT = "bind mounts must come from /home/learner or /tmp";

const normal = (p: string) => posix.normalize(p).replace(/(.)\/+$/, "$1");
const within = (p: string) => LEARNER_ROOTS.some((r) => p === r || p.startsWith(`${r}/`));

/** Paths whose real location the decision needs; the others are refused as written. */
export function pathsToResolve(uses: readonly MountUse[]): string[] {
  const paths = uses.flatMap((u) =>
    u.kind === "bind" && within(normal(u.path)) ? [u.path, normal(u.path)] : [],
  );
  return [...new Set(paths)];
}

export function checkMountUses(uses: readonly MountUse[], ctx: PolicyContext): Denial | undefined {
  for (const u of uses) {
    const denial = u.kind === "bind" ? checkBind(u.path, u.what, ctx) : checkDevice(u.what, ctx);
    if (denial) return denial;
  }
  return undefined;
}

function checkBind(path: string, what: string, ctx: PolicyContext): Denial | undefined {
  if (ctx.allows("bind-mount")) return undefined;
  const deny = (why: string): Denial => ({ allowance: "bind-mount", what, why });
  if (!within(normal(path))) return deny(ROOTS_TEXT);
  for (const p of [path, normal(path)]) {
    const real = ctx.realPath(p);
    if (real === undefined) return deny("its real path could not be checked");
    if (!within(real)) return deny(`${ROOTS_TEXT}; this one leads to ${real}`);
  }
  return ctx.pinned ? undefined : deny("this host's kernel cannot pin bind sources (needs Linux 5.10+)");
}

function checkDevice(what: string, ctx: PolicyContext): Denial | undefined {
  if (ctx.allows("devices")) return undefined;
  return { allowance: "devices", what, why: "a volume on a device mounts it in the engine" };
}
