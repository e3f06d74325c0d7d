// A loaded, validated assessment, and the tasks one attempt draws from it.
import { createHash } from "node:crypto";

/** labs/<ASSESSMENTS_FOLDER>/ holds assessment files; the lab loader skips it (one fact, here). */
export const ASSESSMENTS_FOLDER = "assessments";

export interface Assessment {
  /** Absolute path of its file. */
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly pool: readonly string[];
  readonly draw: number;
  readonly order: "fixed" | "shuffled";
  readonly timeLimitMs: number;
  readonly passLine: number;
  readonly hintPenalty: number;
}

const rank = (seed: string, labId: string): string =>
  createHash("sha256").update(`${seed}\0${labId}`).digest("hex");

/** The lab ids one attempt works through, in order. `shuffled` draws and orders by the seed
 *  (the attempt id, recorded with it), so the same attempt always gets the same tasks;
 *  `fixed` takes the pool's first `draw` labs as written. */
export function drawTasks(a: Pick<Assessment, "pool" | "draw" | "order">, seed: string): string[] {
  if (a.order === "fixed") return a.pool.slice(0, a.draw);
  return [...a.pool]
    .map((id) => ({ id, key: rank(seed, id) }))
    .sort((x, y) => x.key.localeCompare(y.key))
    .slice(0, a.draw)
    .map((x) => x.id);
}
