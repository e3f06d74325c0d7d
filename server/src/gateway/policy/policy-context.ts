// What a policy decision may consult besides the request: the lab's allowances and how the
// engine will resolve paths (looked up in the engine beforehand, so decisions stay pure).
import type { Allowance } from "./allowances.ts";

export interface PolicyContext {
  readonly allows: (allowance: Allowance) => boolean;
  /** The path as the engine's kernel will find it (symlinks and `..` resolved), if looked up. */
  readonly realPath: (path: string) => string | undefined;
  /** The engine will not follow symlinks under the bind roots later (see engine-paths.ts),
   *  so a path checked now cannot be swapped for a symlink before the container starts. */
  readonly pinned: boolean;
}
