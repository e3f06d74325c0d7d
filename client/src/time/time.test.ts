import { afterEach, describe, expect, it, vi } from "vitest";
import { Countdown } from "./countdown.ts";
import { formatClock, formatDuration, formatElapsed, formatWait } from "./format-time.ts";

describe("formatting", () => {
  it("reads lab lengths and clocks", () => {
    expect(formatDuration(10 * 60_000)).toBe("10 min");
    expect(formatDuration(90 * 60_000)).toBe("1 h 30 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(5_000)).toBe("1 min");
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(-5000)).toBe("0:00");
    expect(formatClock(245_000)).toBe("4:05");
    expect(formatClock(3_723_000)).toBe("1:02:03");
    expect(formatClock(59_001)).toBe("1:00");
    expect(formatWait(30_000)).toBe("less than a minute");
    expect(formatWait(180_000)).toBe("about 3 min");
  });

  it("reads time spent to the second while it is short", () => {
    expect(formatElapsed(38_400)).toBe("38 s");
    expect(formatElapsed(245_000)).toBe("4 min 5 s");
    expect(formatElapsed(120_000)).toBe("2 min 0 s");
    expect(formatElapsed(3_723_000)).toBe("1 h 2 min");
  });
});

describe("Countdown", () => {
  afterEach(() => vi.useRealTimers());

  it("ticks down, expires once, and restarts when the deadline moves", () => {
    vi.useFakeTimers({ now: 0 });
    const ticks: number[] = [];
    let expired = 0;
    const c = new Countdown({ onTick: (ms) => ticks.push(ms), onExpire: () => expired++ });
    c.setDeadline(3000);
    vi.advanceTimersByTime(5000);
    expect(ticks).toEqual([3000, 2000, 1000, 0, 0, 0]);
    expect(expired).toBe(1);
    c.setDeadline(Date.now() + 1000); // extended
    vi.advanceTimersByTime(1000);
    expect(expired).toBe(2);
    expect(c.remaining()).toBe(0);
    c.stop();
    vi.advanceTimersByTime(5000);
    expect(ticks).toHaveLength(8);
  });
});
