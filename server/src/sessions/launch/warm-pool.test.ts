import { describe, expect, it } from "vitest";
import type { SandboxDriver } from "../../sandbox/sandbox-driver.ts";
import { MemorySessionStore } from "../store/memory-session-store.ts";
import { WarmPool } from "./warm-pool.ts";

function pool(size: number) {
  const live = new Set<string>();
  const driver = {
    create: async (spec: { id: string }) => (
      live.add(spec.id),
      { id: spec.id, engine: "e", workstation: "w" }
    ),
    waitReady: async () => undefined,
    destroy: async (id: string) => void live.delete(id),
  } as unknown as SandboxDriver;
  let n = 0;
  const store = new MemorySessionStore();
  const p = new WarmPool({
    driver,
    store,
    size,
    instance: "test",
    spec: (id) => ({ id, memoryMiB: 512, cpus: 1, pids: 100, diskGiB: 0 }),
    newId: () => `p${++n}`,
    clock: () => 0,
    maxAgeMs: 1000,
    onError: (e) => {
      throw e;
    },
  });
  return { p, live, store };
}

describe("WarmPool", () => {
  it("fills to its size and hands sandboxes over oldest first", async () => {
    const { p, live } = pool(2);
    await p.refill();
    expect([...live]).toEqual(["p1", "p2"]);
    expect(p.take()?.id).toBe("p1");
  });

  it("drains on shutdown: no idle sandbox is left running, and none is made after", async () => {
    const { p, live, store } = pool(2);
    await p.refill();
    await p.drain();
    expect(live.size).toBe(0);
    expect(store.listPool()).toEqual([]);
    await p.refill();
    expect(live.size).toBe(0);
  });
});
