import { describe, expect, it } from "vitest";
import type { StorageReport } from "../sandbox/sandbox-driver.ts";
import { DiskGuard } from "./disk-guard.ts";
import type { Session } from "./session.ts";

const GiB = 1024 ** 3;
const ref = { id: "x", engine: "e", workstation: "w" };
const common = {
  tokenHash: "",
  lab: "l",
  createdAt: 0,
  expiresAt: 9e12,
  capAt: 9e12,
  clock: "running",
  lastActivityAt: 0,
} as const;
const ready = (id: string): Session => ({ ...common, id, status: "ready", sandbox: ref, readyAt: 0 });
const paused = (id: string, pausedAt: number): Session => ({
  ...common,
  id,
  status: "paused",
  sandbox: ref,
  readyAt: 0,
  pausedAt,
  reason: "idle",
});

function guard(report: StorageReport, sessions: Session[], budgetGiB = 100) {
  const stopped: Array<{ id: string; reason: string }> = [];
  const g = new DiskGuard({
    driver: { storage: async () => report },
    sessions: () => sessions,
    stop: async (id, reason) => stopped.push({ id, reason }),
    pausedBudgetBytes: budgetGiB * GiB,
    lowWaterBytes: 5 * GiB,
    log: () => undefined,
  });
  return { g, stopped };
}

const sandboxes = [
  { id: "small", usedBytes: 1 * GiB },
  { id: "pooled-but-big", usedBytes: 9 * GiB },
  { id: "big", usedBytes: 6 * GiB },
  { id: "old-pause", usedBytes: 2 * GiB },
  { id: "new-pause", usedBytes: 3 * GiB },
];
const host = (freeGiB: number) => ({ hostFreeBytes: freeGiB * GiB, hostTotalBytes: 100 * GiB, sandboxes });

describe("DiskGuard", () => {
  it("leaves every sandbox alone while the host has room and paused ones fit their budget", async () => {
    const { g, stopped } = guard(host(20), [ready("small"), ready("big"), paused("old-pause", 1)]);
    expect(await g.check()).toEqual([]);
    expect(stopped).toEqual([]);
    expect(g.lowOnDisk).toBe(false);
  });

  it("stops the running session using the most disk when the host runs low and none is paused", async () => {
    const { g, stopped } = guard(host(3), [ready("small"), ready("big")]);
    expect(await g.check()).toEqual(["big"]);
    expect(g.lowOnDisk).toBe(true);
    expect(stopped[0]?.reason).toMatch(/nearly full \(3\.0 GiB free\).*used the most \(6\.0 GiB\)/);
  });

  it("removes the oldest paused sandbox before any running one when the host runs low", async () => {
    const { g, stopped } = guard(host(3), [ready("big"), paused("new-pause", 20), paused("old-pause", 10)]);
    expect(await g.check()).toEqual(["old-pause"]);
    expect(stopped[0]?.reason).toMatch(/oldest paused sandbox/);
    expect(await g.check()).toEqual(["old-pause"]); // the report above never changes
  });

  it("keeps paused sandboxes within their budget, oldest removed first, running ones untouched", async () => {
    const sessions = [ready("big"), paused("new-pause", 20), paused("old-pause", 10)];
    const { g, stopped } = guard(host(50), sessions, 4);
    expect(await g.check()).toEqual(["old-pause"]);
    expect(stopped[0]?.reason).toMatch(/more than their 4\.0 GiB.*oldest/);
    await expect(guard(host(50), sessions, 1).g.check()).resolves.toEqual(["old-pause", "new-pause"]);
  });

  it("keeps at least 2 GiB, or 5% of a large host, free", () => {
    expect(DiskGuard.lowWaterFor(10 * GiB)).toBe(2 * GiB);
    expect(DiskGuard.lowWaterFor(1000 * GiB)).toBe(50 * GiB);
  });
});
