// A network of the learner's engine: existence, driver, internal flag, attached containers
// (which must be there, which must not, or exactly which are).
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";
import { orNot, setField } from "./spec-fields.ts";

const schema = z.strictObject({
  type: z.literal("network"),
  name: z.string().optional(),
  network: z.string().min(1),
  exists: z.boolean().default(true),
  driver: orNot(z.string()).optional(),
  internal: z.boolean().optional(),
  containers: setField(z.string()).optional(),
});
export type NetworkSpec = z.output<typeof schema>;

export const networkCheck: CheckType<NetworkSpec> = {
  type: "network",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `network ${s.network}`;
    const x = new Expect(`network ${s.network}`);
    const res = await ctx.engine("GET", `/networks/${encodeURIComponent(s.network)}`);
    if (res.status === 404) {
      if (s.exists) x.fail("expected to exist, but there is no network with that name");
      return result(name, "network", x.errors, start);
    }
    if (res.status !== 200) throw new Error(`engine answered ${res.status} to network inspect`);
    if (!s.exists) x.fail("expected not to exist, but it does");
    x.is("Driver", s.driver, dig(res.body, "Driver"));
    x.equal("Internal", s.internal, dig(res.body, "Internal") ?? false);
    const attached = Object.values((dig(res.body, "Containers") ?? {}) as Record<string, { Name: string }>);
    x.set(
      "attached containers",
      s.containers,
      attached.map((c) => c.Name),
    );
    return result(name, "network", x.errors, start);
  },
};
