import { describe, expect, it } from "vitest";
import { type LabDemand, planLabPools } from "./pool-plan.ts";

const d = (lab: string, starts: number, costMiB = 1000, pinned = false): LabDemand => ({
  lab,
  starts,
  costMiB,
  pinned,
});

describe("planLabPools", () => {
  it("prepares for labs being started, more for busier ones, at most three each", () => {
    const plan = planLabPools([d("quiet", 0), d("one", 1), d("busy", 12), d("rush", 90)], 100_000);
    expect(Object.fromEntries(plan)).toEqual({ one: 1, busy: 2, rush: 3 });
  });

  it("warms a pinned lab nobody has started yet", () => {
    expect(Object.fromEntries(planLabPools([d("class-lab", 0, 1000, true)], 5000))).toEqual({
      "class-lab": 1,
    });
  });

  it("spends the budget on every lab's first sandbox before anyone's second, busiest first", () => {
    const plan = planLabPools([d("a", 30), d("b", 2), d("c", 1)], 3500);
    expect(Object.fromEntries(plan)).toEqual({ a: 1, b: 1, c: 1 });
    const tight = planLabPools([d("a", 30), d("b", 2), d("c", 1)], 2000);
    expect(Object.fromEntries(tight)).toEqual({ a: 1, b: 1 });
  });

  it("skips a lab too big for what is left and keeps filling with smaller ones", () => {
    const plan = planLabPools([d("big", 50, 4000), d("small", 1, 512)], 3000);
    expect(Object.fromEntries(plan)).toEqual({ small: 1 });
  });

  it("prepares nothing without a budget", () => {
    expect(planLabPools([d("a", 30, 1000, true)], 0).size).toBe(0);
  });
});
