import { describe, expect, it } from "vitest";
import type { StorageReport } from "../sandbox/sandbox-driver.ts";
import { DiskGuard } from "./disk-guard.ts";

const GiB = 1024 ** 3;

function guard(report: StorageReport, active: string[]) {
  const stopped: Array<{ id: string; reason: string }> = [];
  const g = new DiskGuard({
    driver: { storage: async () => report },
    isActiveSession: (id) => active.includes(id),
    stop: async (id, reason) => stopped.push({ id, reason }),
    lowWaterBytes: 5 * GiB,
    log: () => undefined,
  });
  return { g, stopped };
}

const sandboxes = [
  { id: "small", usedBytes: 1 * GiB },
  { id: "pooled-but-big", usedBytes: 9 * GiB },
  { id: "big", usedBytes: 6 * GiB },
];

describe("DiskGuard", () => {
  it("leaves every sandbox alone while the host has room", async () => {
    const { g, stopped } = guard({ hostFreeBytes: 20 * GiB, hostTotalBytes: 100 * GiB, sandboxes }, [
      "small",
      "big",
    ]);
    expect(await g.check()).toBeUndefined();
    expect(stopped).toEqual([]);
    expect(g.lowOnDisk).toBe(false);
  });

  it("stops the active session using the most disk when the host runs low, and says why", async () => {
    const { g, stopped } = guard({ hostFreeBytes: 3 * GiB, hostTotalBytes: 100 * GiB, sandboxes }, [
      "small",
      "big",
    ]);
    expect(await g.check()).toBe("big");
    expect(g.lowOnDisk).toBe(true);
    expect(stopped[0]?.reason).toMatch(/nearly full \(3\.0 GiB free\).*used the most \(6\.0 GiB\)/);
  });

  it("keeps at least 2 GiB, or 5% of a large host, free", () => {
    expect(DiskGuard.lowWaterFor(10 * GiB)).toBe(2 * GiB);
    expect(DiskGuard.lowWaterFor(1000 * GiB)).toBe(50 * GiB);
  });
});
