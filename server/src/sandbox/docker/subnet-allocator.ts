// Each sandbox network gets a small subnet from one Slipway range. Docker's default pools
// hand out a /16 or /20 per network and run dry after about 30 networks, far short of the
// sessions a host can hold; a /28 per sandbox (it holds one container) gives 4096 in a /16.
import type Dockerode from "dockerode";

const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");

export function parseCidr(cidr: string): { base: number; size: number } {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr);
  if (!m?.[1] || !m[2]) throw new Error(`not an IPv4 CIDR: "${cidr}"`);
  const size = 2 ** (32 - Number(m[2]));
  return { base: toInt(m[1]) - (toInt(m[1]) % size), size };
}

const overlaps = (a: { base: number; size: number }, b: { base: number; size: number }) =>
  a.base < b.base + b.size && b.base < a.base + a.size;

export class SubnetAllocator {
  private readonly range: { base: number; size: number };
  private readonly pending = new Set<number>();

  constructor(
    private readonly docker: Dockerode,
    range: string,
    private readonly prefix = 28,
  ) {
    this.range = parseCidr(range);
  }

  /** Creates the network on a free subnet; retries when another server took it first. */
  async createNetwork(opts: Dockerode.NetworkCreateOptions): Promise<Dockerode.Network> {
    const size = 2 ** (32 - this.prefix);
    for (let attempt = 0; attempt < 8; attempt++) {
      const used = (await this.docker.listNetworks())
        .flatMap((n) => n.IPAM?.Config ?? [])
        .flatMap((c) => (c.Subnet?.includes(".") ? [parseCidr(c.Subnet)] : []));
      const base = this.freeSlot(used, size);
      if (base === undefined) throw new Error(`no free /${this.prefix} left in the sandbox network range`);
      this.pending.add(base);
      try {
        return await this.docker.createNetwork({
          ...opts,
          IPAM: { Driver: "default", Config: [{ Subnet: `${toIp(base)}/${this.prefix}` }] },
        });
      } catch (e) {
        if (!/overlap/i.test(String(e))) throw e;
      } finally {
        this.pending.delete(base);
      }
    }
    throw new Error("could not find a free subnet for the sandbox network after 8 attempts");
  }

  /** From a random slot, wrapping: servers starting sandboxes at once (a test run beside a
   *  dev server) would all pick the lowest free one and collide again and again. */
  private freeSlot(used: ReadonlyArray<{ base: number; size: number }>, size: number): number | undefined {
    const slots = this.range.size / size;
    const first = Math.floor(Math.random() * slots);
    for (let i = 0; i < slots; i++) {
      const base = this.range.base + ((first + i) % slots) * size;
      if (!this.pending.has(base) && !used.some((u) => overlaps(u, { base, size }))) return base;
    }
    return undefined;
  }
}
