// How many prepared sandboxes each lab keeps ready. A prepared sandbox holds its lab's images,
// files and finished setup, so a learner gets it in the time a handover takes; but it holds
// memory while it waits, so the pools share one budget, spent where learners are starting.
//
// A lab started in the last hour wants one; one more for every ten starts, up to three. A
// pinned lab (named by the operator, or by a class that is open or about to start) wants one
// even before anybody starts it. The budget is spent in rounds, every lab's first sandbox
// before anyone's second, busiest first, each costing its lab's memory limit: the worst case
// it may grow to, not today's use.
import type { SessionLab } from "../lab-provider.ts";

export interface LabDemand {
  readonly lab: string;
  /** Sessions of it started in the window. */
  readonly starts: number;
  readonly pinned: boolean;
  readonly costMiB: number;
}

export const MAX_PER_LAB = 3;
const STARTS_PER_EXTRA = 10;

export const wanted = (d: LabDemand): number =>
  Math.min(
    MAX_PER_LAB,
    Math.max(d.pinned ? 1 : 0, d.starts > 0 ? 1 + Math.floor(d.starts / STARTS_PER_EXTRA) : 0),
  );

/** Sandboxes to keep prepared per lab; labs that get none are left out. Ties go in the
 *  order given. */
export function planLabPools(demand: readonly LabDemand[], budgetMiB: number): Map<string, number> {
  const plan = new Map<string, number>();
  const order = [...demand].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.starts - a.starts, // ties: as listed
  );
  let left = budgetMiB;
  for (let round = 1; round <= MAX_PER_LAB; round++)
    for (const d of order) {
      if (wanted(d) < round || d.costMiB > left) continue;
      left -= d.costMiB;
      plan.set(d.lab, round);
    }
  return plan;
}

export interface DemandSources {
  readonly clock: () => number;
  /** Sessions started lately, each with its lab and when. */
  readonly started: () => ReadonlyArray<{ readonly lab: string; readonly createdAt: number }>;
  /** Labs to warm whatever the demand: the operator's, and open classes'. */
  readonly pinned: () => readonly string[];
  /** The lab as a session would get it, if it exists. */
  readonly lab: (id: string) => Promise<SessionLab | undefined>;
  readonly defaultMemoryMiB: number;
  readonly budgetMiB: number;
}

const WINDOW_MS = 3_600_000;

/** Only a lab with images to pull or limits of its own gains from a prepared sandbox: any
 *  other (the playground) starts as fast from an empty one. */
export const gainsFromPreparing = (lab: Pick<SessionLab, "images" | "limits">): boolean =>
  lab.images.length > 0 || lab.limits !== undefined;

export async function currentPlan(s: DemandSources): Promise<Map<string, number>> {
  if (s.budgetMiB <= 0) return new Map();
  const since = s.clock() - WINDOW_MS;
  const starts = new Map<string, number>();
  for (const x of s.started()) if (x.createdAt >= since) starts.set(x.lab, (starts.get(x.lab) ?? 0) + 1);
  const pinned = new Set(s.pinned());
  const demand: LabDemand[] = [];
  // Pinned in their order (a class's first lab first), then the rest.
  for (const id of new Set([...pinned, ...starts.keys()])) {
    const lab = await s.lab(id);
    if (!lab || !gainsFromPreparing(lab)) continue;
    const costMiB = lab.limits?.memoryMiB ?? s.defaultMemoryMiB;
    demand.push({ lab: id, starts: starts.get(id) ?? 0, pinned: pinned.has(id), costMiB });
  }
  return planLabPools(demand, s.budgetMiB);
}
