// A PolicyContext for unit tests: allowances by name, and an engine whose symlinks are given.
import { posix } from "node:path";
import type { Allowance } from "./allowances.ts";
import type { PolicyContext } from "./policy-context.ts";

export function testContext(
  opts: { allow?: Allowance[]; links?: Record<string, string>; pinned?: boolean } = {},
): PolicyContext {
  const links = opts.links ?? {};
  // Resolves like `realpath -m`: each component in turn, following the given links.
  const realPath = (path: string): string => {
    let out = "/";
    for (const part of path.split("/").filter(Boolean)) {
      const next = part === ".." ? posix.dirname(out) : posix.join(out, part);
      const target = part === ".." || part === "." ? undefined : links[next];
      out = target === undefined ? next : realPath(posix.resolve(posix.dirname(next), target));
    }
    return out;
  };
  return {
    allows: (a) => opts.allow?.includes(a) ?? false,
    realPath,
    pinned: opts.pinned ?? true,
  };
}
