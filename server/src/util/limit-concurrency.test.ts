import { describe, expect, it } from "vitest";
import { limitConcurrency } from "./limit-concurrency.ts";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("limitConcurrency", () => {
  it("never runs more than n tasks at once, and starts them in queue order", async () => {
    const limit = limitConcurrency(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        limit(async () => {
          started.push(i);
          peak = Math.max(peak, ++running);
          await tick();
          running--;
          return i * 10;
        }),
      ),
    );
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("holds the limit when callers arrive while a slot changes hands", async () => {
    const limit = limitConcurrency(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      peak = Math.max(peak, ++running);
      await Promise.resolve();
      running--;
    };
    const first = [1, 2, 3].map(() => limit(task));
    // Queued right after the first tasks finish, before the woken waiter has run.
    await Promise.race(first);
    await Promise.all([...first, ...[4, 5, 6].map(() => limit(task))]);
    expect(peak).toBe(2);
  });

  it("frees the slot of a task that fails", async () => {
    const limit = limitConcurrency(1);
    await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit(async () => "next")).toBe("next");
  });

  it("refuses a limit below one", () => {
    expect(() => limitConcurrency(0)).toThrow(/whole number ≥ 1/);
  });
});
