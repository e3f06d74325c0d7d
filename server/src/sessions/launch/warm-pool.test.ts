import { describe, expect, it, vi } from "vitest";
import type { SandboxDriver } from "../../sandbox/sandbox-driver.ts";
import { MemorySessionStore } from "../store/memory-session-store.ts";
import { WarmPool, type WarmPoolDeps } from "./warm-pool.ts";

function pool(size: number, more: Partial<WarmPoolDeps> = {}) {
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
    preparedMaxAgeMs: 500,
    onError: (e) => {
      throw e;
    },
    ...more,
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

  describe("prepared for a lab", () => {
    function prepared(plan: Map<string, number>, fail = new Set<string>()) {
      let now = 0;
      const gateways = new Set<string>();
      const made: string[] = [];
      const tries: string[] = [];
      const live = new Set<string>();
      const t = pool(0, {
        clock: () => now,
        plan: async () => plan,
        prepare: async (id, lab, labels) => {
          expect(labels.lab).toBe(lab);
          gateways.add(id);
          live.add(id);
          tries.push(lab);
          if (fail.has(lab)) throw new Error(`setup of ${lab} failed`);
          made.push(`${lab}:${id}`);
          return { id, engine: "e", workstation: "w" };
        },
        release: (id) => void gateways.delete(id),
        onError: () => undefined,
      });
      t.live.forEach((id) => live.add(id));
      const driver = (t.p as unknown as { d: { driver: { destroy: (id: string) => Promise<void> } } }).d
        .driver;
      driver.destroy = async (id) => void live.delete(id);
      return { ...t, live, gateways, made, tries, at: (ms: number) => (now = ms) };
    }

    it("keeps as many as planned per lab, each taken only by its own lab, never as an empty one", async () => {
      const { p, made } = prepared(
        new Map([
          ["nets", 2],
          ["vols", 1],
        ]),
      );
      await p.refill();
      expect(made).toEqual(["nets:p1", "nets:p2", "vols:p3"]);
      expect(p.take()).toBeUndefined();
      expect(p.takePrepared("other")).toBeUndefined();
      expect(p.takePrepared("vols")?.id).toBe("p3");
      expect(p.takePrepared("vols")).toBeUndefined();
      expect(p.labOf("p1")).toBe("nets");
    });

    it("lets go of sandboxes no longer planned for, and of aged ones, gateway and all", async () => {
      const plan = new Map([["nets", 2]]);
      const { p, live, gateways, at } = prepared(plan);
      await p.refill();
      plan.set("nets", 1);
      await p.refill();
      expect([...live]).toEqual(["p2"]); // the older one went
      expect([...gateways]).toEqual(["p2"]);
      at(501);
      await p.refill();
      expect([...live]).toEqual(["p3"]);
    });

    it("backs off a lab whose preparation failed, leaving nothing of it, and still prepares the others", async () => {
      const { p, live, gateways, made, tries, at } = prepared(
        new Map([
          ["broken", 1],
          ["fine", 1],
        ]),
        new Set(["broken"]),
      );
      await p.refill();
      expect(made).toEqual(["fine:p2"]);
      expect([...live]).toEqual(["p2"]);
      expect([...gateways]).toEqual(["p2"]);
      await p.refill();
      expect(tries).toEqual(["broken", "fine"]); // broken not tried again yet
      at(11 * 60_000); // past the back-off; fine:p2 has aged, so it is made again too
      await p.refill();
      expect(tries).toEqual(["broken", "fine", "broken", "fine"]);
      expect(made).toEqual(["fine:p2", "fine:p4"]);
      expect([...live]).toEqual(["p4"]); // p3 was broken's second try, removed
    });

    it("drains prepared ones too, closing their gateways", async () => {
      const { p, live, gateways } = prepared(new Map([["nets", 1]]));
      await p.refill();
      await p.drain();
      expect(live.size + gateways.size).toBe(0);
    });
  });

  it("ends a preparation under way when drained, and keeps nothing of it", async () => {
    let destroyed!: () => void;
    const gone = new Promise<void>((r) => (destroyed = r));
    const { p, live } = pool(0, {
      plan: async () => new Map([["slow", 1]]),
      // A setup of minutes: it ends only when its sandbox is taken away.
      prepare: async (id) => (live.add(id), await gone, Promise.reject(new Error("sandbox gone"))),
      onError: () => undefined,
    });
    const driver = (p as unknown as { d: { driver: { destroy: (id: string) => Promise<void> } } }).d.driver;
    driver.destroy = async (id) => (live.delete(id), destroyed());
    void p.refill();
    await vi.waitFor(() => expect(p.creating.size).toBe(1));
    await p.drain();
    expect(live.size + p.list().length + p.creating.size).toBe(0);
  });
});
