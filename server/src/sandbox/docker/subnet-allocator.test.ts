import type Dockerode from "dockerode";
import { describe, expect, it } from "vitest";
import { SubnetAllocator, parseCidr } from "./subnet-allocator.ts";

/** Just enough of Dockerode: networks with subnets, and Docker's overlap refusal. */
function fakeDocker(existing: string[]) {
  const subnets = [...existing];
  const docker = {
    listNetworks: async () => subnets.map((s) => ({ IPAM: { Config: [{ Subnet: s }] } })),
    createNetwork: async (o: { IPAM: { Config: Array<{ Subnet: string }> } }) => {
      const want = o.IPAM.Config[0]!.Subnet;
      if (subnets.includes(want)) throw new Error("Pool overlaps with other one on this address space");
      await new Promise((r) => setTimeout(r, 5));
      subnets.push(want);
      return {};
    },
  };
  return { docker: docker as unknown as Dockerode, subnets };
}

describe("SubnetAllocator", () => {
  it("parses CIDRs to their network base", () => {
    expect(parseCidr("10.90.1.7/16")).toEqual({ base: parseCidr("10.90.0.0/16").base, size: 65536 });
    expect(() => parseCidr("10.90.0.0")).toThrow(/not an IPv4 CIDR/);
  });

  it("skips subnets in use, including ranges that overlap from outside", async () => {
    // A /26 holds four /28s; three are taken, one of them by a /29 from outside.
    const { docker, subnets } = fakeDocker([
      "10.90.0.0/28",
      "10.90.0.16/29",
      "10.90.0.48/28",
      "172.17.0.0/16",
    ]);
    for (let i = 0; i < 5; i++) {
      const a = new SubnetAllocator(docker, "10.90.0.0/26");
      if (i === 0) await a.createNetwork({ Name: "n" });
      else await expect(a.createNetwork({ Name: "n" })).rejects.toThrow(/no free/);
    }
    expect(subnets.at(-1)).toBe("10.90.0.32/28");
  });

  it("gives concurrent creates distinct subnets", async () => {
    const { docker, subnets } = fakeDocker([]);
    const a = new SubnetAllocator(docker, "10.90.0.0/16");
    await Promise.all(Array.from({ length: 20 }, (_, i) => a.createNetwork({ Name: `n${i}` })));
    expect(new Set(subnets).size).toBe(20);
  });

  it("says so when the range is full", async () => {
    const { docker } = fakeDocker(["10.90.0.0/24"]);
    await expect(new SubnetAllocator(docker, "10.90.0.0/24").createNetwork({ Name: "n" })).rejects.toThrow(
      /no free \/28 left/,
    );
  });
});
