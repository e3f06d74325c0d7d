import { describe, expect, it } from "vitest";
import type { Session } from "../session.ts";
import { ExpiryPolicy } from "./expiry-policy.ts";

const H = 3_600_000;
const policy = new ExpiryPolicy({ ttlMs: 2 * H, maxTtlMs: 8 * H, idleMs: 0.5 * H, retentionMs: 7 * 24 * H });
const ref = { id: "s", engine: "e", workstation: "w" };
const at = (now: number, labLimit?: number) => ({
  id: "s",
  tokenHash: "",
  lab: "l",
  createdAt: now,
  lastActivityAt: now,
  ...policy.window(now, labLimit),
});
const ready = (w: ReturnType<typeof at>): Session => ({
  ...w,
  status: "ready",
  sandbox: ref,
  readyAt: w.createdAt,
});
const paused = (w: ReturnType<typeof at>, pausedAt: number): Session => ({
  ...w,
  status: "paused",
  sandbox: ref,
  readyAt: w.createdAt,
  pausedAt,
  reason: "on request",
});

describe("ExpiryPolicy", () => {
  it("gives a guided lab the default limit on a running clock, a timed lab its own on the wall clock", () => {
    expect(policy.window(0, undefined)).toEqual({ expiresAt: 2 * H, capAt: 8 * H, clock: "running" });
    expect(policy.window(0, 0.25 * H)).toEqual({ expiresAt: 0.25 * H, capAt: 8 * H, clock: "wall" });
    expect(policy.window(0, 20 * H).expiresAt).toBe(8 * H); // never past the cap
  });

  it("holds extensions under the cap, counted from now when the limit has passed", () => {
    const s = ready(at(0));
    expect(policy.extended(s, H, H)).toBe(3 * H);
    expect(policy.extended(s, 3 * H, H)).toBe(4 * H);
    expect(policy.extended(s, 0, 100 * H)).toBe(8 * H);
  });

  it("pauses a guided session when idle or at its limit, and stops a timed one at its limit", () => {
    expect(policy.decide(ready(at(0)), 0.4 * H)).toBeUndefined();
    expect(policy.decide(ready(at(0)), 0.5 * H)).toEqual({
      action: "pause",
      reason: "no activity for 30 min",
    });
    const busy = { ...ready(at(0)), lastActivityAt: 1.9 * H };
    expect(policy.decide(busy, 2 * H)).toEqual({ action: "pause", reason: "time limit reached" });
    const timed = { ...ready(at(0, H)), lastActivityAt: 0.9 * H };
    expect(policy.decide(timed, H)).toEqual({ action: "stop", reason: "time limit reached" });
  });

  it("keeps a paused sandbox for the retention time; a timed lab's clock runs on meanwhile", () => {
    expect(policy.decide(paused(at(0), H), 7 * 24 * H)).toBeUndefined();
    expect(policy.decide(paused(at(0), H), 7 * 24 * H + H)).toMatchObject({ action: "stop" });
    expect(policy.keptUntil(paused(at(0), H))).toBe(7 * 24 * H + H);
    const timed = paused(at(0, 2 * H), H);
    expect(policy.decide(timed, 2 * H)).toEqual({ action: "stop", reason: "time limit reached" });
    expect(policy.keptUntil(timed)).toBe(2 * H);
  });

  it("starts a fresh limit on resume for a running clock, none for a wall clock", () => {
    expect(policy.resumed(paused(at(0), H), 50 * H)).toEqual({
      expiresAt: 52 * H,
      capAt: 58 * H,
      clock: "running",
    });
    const timed = paused(at(0, H), 0.5 * H);
    expect(policy.resumed(timed, 0.75 * H)).toEqual({ expiresAt: H, capAt: 8 * H, clock: "wall" });
  });
});
