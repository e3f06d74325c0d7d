// Where the class gets stuck, step by step: how many learners reached each step (every step
// before it passed), how many passed it, the median time from reaching to passing, how many
// of those who reached it took a hint or a solution, and the check that failed most.
import type { FunnelStep } from "../../../common/class-views.ts";
import { stepProgress } from "../progress/progress.ts";
import type { Placed } from "./class-dashboard.ts";

export function classFunnel(placed: readonly Placed[]): FunnelStep[] {
  const labs = new Map(placed.map((p) => [p.lab.id, p.lab]));
  return [...labs.values()].flatMap((lab) => {
    const mine = placed.filter((p) => p.lab.id === lab.id && p.progress);
    return lab.steps.map((step, n): FunnelStep => {
      let reached = 0;
      let passed = 0;
      let hints = 0;
      let solutions = 0;
      const times: number[] = [];
      const failing = new Map<string, number>();
      for (const { progress: p } of mine) {
        if (!p) continue;
        const prev = n === 0 ? p.startedAt : stepProgress(p, lab.steps[n - 1]?.id ?? "").passedAt;
        if (prev === undefined) continue;
        reached++;
        const sp = stepProgress(p, step.id);
        if (sp.hintsRevealed > 0) hints++;
        if (sp.solutionViewed) solutions++;
        for (const f of sp.failures ?? []) failing.set(f, (failing.get(f) ?? 0) + 1);
        if (sp.passedAt !== undefined) {
          passed++;
          times.push(Math.max(0, sp.passedAt - prev));
        }
      }
      const common = [...failing.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const median = medianOf(times);
      return {
        lab: lab.id,
        step: step.id,
        title: step.title,
        reached,
        passed,
        ...(median !== undefined ? { medianMsToPass: median } : {}),
        hintRate: reached ? hints / reached : 0,
        solutionRate: reached ? solutions / reached : 0,
        ...(common ? { commonFailingCheck: common } : {}),
      };
    });
  });
}

function medianOf(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
