import { afterEach, describe, expect, it, vi } from "vitest";
import { nextMark, SessionTimer } from "./session-timer.ts";

afterEach(() => void vi.useRealTimers());

describe("SessionTimer", () => {
  it("marks every full minute, then 30 s and 10 s", () => {
    expect([150_000, 120_000, 90_000, 60_000, 45_000, 30_000, 5_000].map(nextMark)).toEqual([
      120_000, 60_000, 60_000, 30_000, 30_000, 10_000, 0,
    ]);
  });

  it("ticks at the marks, follows an extension, and expires at zero", () => {
    vi.useFakeTimers();
    let expiresAt = Date.now() + 90_000;
    const ticks: number[] = [];
    let expired = 0;
    const timer = new SessionTimer({
      expiresAt: () => expiresAt,
      clock: Date.now,
      onTick: (left) => ticks.push(Math.round(left / 1000)),
      onExpired: () => void expired++,
    });
    timer.start();
    vi.advanceTimersByTime(30_000);
    expect(ticks).toEqual([60]);
    expiresAt += 60_000; // extended: 120 s left now
    vi.advanceTimersByTime(30_000);
    expect(ticks).toEqual([60, 90]);
    vi.advanceTimersByTime(90_000);
    expect(ticks).toEqual([60, 90, 60, 30, 10]);
    expect(expired).toBe(1);
    timer.stop();
  });
});
