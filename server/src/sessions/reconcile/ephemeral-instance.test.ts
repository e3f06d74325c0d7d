import { describe, expect, it } from "vitest";
import type { ManagedSandbox } from "../../sandbox/sandbox-driver.ts";
import { ephemeralInstance, ownerPid, reapDeadInstances } from "./ephemeral-instance.ts";

const sandbox = (id: string, instance: string): ManagedSandbox => ({
  id,
  labels: { instance, session: id },
  ref: undefined,
  running: true,
  resources: 4,
});

describe("ephemeral instances", () => {
  it("name their owning process on this host, and servers' instances name none", () => {
    expect(ownerPid(ephemeralInstance("lab-test"))).toBe(process.pid);
    expect(ownerPid("3f2a9c1d0b7e")).toBeUndefined();
    expect(ownerPid("restart-1795621120283")).toBeUndefined();
    expect(ownerPid(ephemeralInstance("test").replace(/-h[0-9a-f]{6}$/, "-h000000"))).toBeUndefined();
  });

  it("reaps the sandboxes of a process that is gone, and only those", async () => {
    const dead = ephemeralInstance("test").replace(`-${process.pid}-`, "-999999999-");
    const destroyed: string[] = [];
    const driver = {
      listManaged: async () => [
        sandbox("a", dead),
        sandbox("b", ephemeralInstance("test")),
        sandbox("c", "3f2a9c1d0b7e"),
      ],
      destroy: async (id: string) => void destroyed.push(id),
    };
    expect(await reapDeadInstances(driver)).toBe(1);
    expect(destroyed).toEqual(["a"]);
  });
});
