import { describe, expect, it } from "vitest";
import { RecheckTimer } from "./recheck-timer.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("RecheckTimer", () => {
  it("re-checks after everyMs, or after as long as the last evaluation took", async () => {
    let n = 0;
    const t = new RecheckTimer({ everyMs: 10, activeForMs: 10_000 }, () => n++);
    t.schedule(0, true);
    expect(t.scheduled).toBe(true);
    await sleep(30);
    expect(n).toBe(1);
    t.schedule(80, true); // a slow evaluation: rest at least as long
    await sleep(40);
    expect(n).toBe(1);
    await sleep(70);
    expect(n).toBe(2);
  });

  it("does nothing when nothing is pending, or the learner has been idle too long", async () => {
    let n = 0;
    const t = new RecheckTimer({ everyMs: 5, activeForMs: 20 }, () => n++);
    t.schedule(0, false);
    expect(t.scheduled).toBe(false);
    await sleep(30);
    t.schedule(0, true);
    expect(t.scheduled).toBe(false);
    t.active();
    t.schedule(0, true);
    t.cancel();
    await sleep(20);
    expect(n).toBe(0);
  });
});
