// An image in the learner's engine: size, layers, user, healthcheck, ports, Cmd/Entrypoint,
// and its base. "Built FROM base" means the base's layers are a prefix of this image's.
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";

const schema = z.strictObject({
  type: z.literal("image"),
  name: z.string().optional(),
  image: z.string().min(1),
  exists: z.boolean().default(true),
  maxSizeMiB: z.number().positive().optional(),
  layers: z
    .union([z.number().int(), z.strictObject({ min: z.number().optional(), max: z.number().optional() })])
    .optional(),
  nonRootUser: z.boolean().optional(),
  healthcheck: z.boolean().optional(),
  exposes: z.array(z.string()).optional(),
  cmd: z.array(z.string()).optional(),
  entrypoint: z.array(z.string()).optional(),
  from: z.string().optional(),
});
export type ImageSpec = z.output<typeof schema>;

const inspect = (ctx: CheckContext, ref: string) =>
  ctx.engine("GET", `/images/${encodeURIComponent(ref)}/json`);
const layersOf = (body: unknown) => (dig(body, "RootFS.Layers") ?? []) as string[];

export const imageCheck: CheckType<ImageSpec> = {
  type: "image",
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `image ${s.image}`;
    const x = new Expect(`image ${s.image}`);
    const res = await inspect(ctx, s.image);
    if (res.status === 404) {
      if (s.exists) x.fail("expected to exist, but there is no image with that name");
      return result(name, "image", x.errors, start);
    }
    if (res.status !== 200) throw new Error(`engine answered ${res.status} to image inspect`);
    if (!s.exists) x.fail("expected not to exist, but it does");
    const b = res.body;
    const sizeMiB = Math.round(((dig(b, "Size") as number) / 1048576) * 10) / 10;
    if (s.maxSizeMiB !== undefined) x.range("size (MiB)", { max: s.maxSizeMiB }, sizeMiB);
    x.range("layer count", s.layers, layersOf(b).length);
    const user = String(dig(b, "Config.User") ?? "");
    if (s.nonRootUser !== undefined) {
      const nonRoot = user !== "" && !/^(root|0)(:|$)/.test(user);
      if (nonRoot !== s.nonRootUser)
        x.fail(
          `Config.User expected ${s.nonRootUser ? "a non-root user" : "root"}, got ${JSON.stringify(user || "root")}`,
        );
    }
    if (s.healthcheck !== undefined) {
      const test = dig(b, "Config.Healthcheck.Test") as string[] | undefined;
      const has = Array.isArray(test) && test.length > 0 && test[0] !== "NONE";
      if (has !== s.healthcheck)
        x.fail(
          `HEALTHCHECK expected ${s.healthcheck ? "to be set" : "to be absent"}, got ${has ? JSON.stringify(test) : "none"}`,
        );
    }
    const exposed = Object.keys((dig(b, "Config.ExposedPorts") ?? {}) as object);
    x.includes(
      "ExposedPorts",
      s.exposes?.map((p) => (p.includes("/") ? p : `${p}/tcp`)),
      exposed,
    );
    x.equal("Config.Cmd", s.cmd, dig(b, "Config.Cmd") ?? null);
    x.equal("Config.Entrypoint", s.entrypoint, dig(b, "Config.Entrypoint") ?? null);
    if (s.from) {
      const base = await inspect(ctx, s.from);
      if (base.status !== 200)
        x.fail(`base image ${s.from} expected to exist in the engine, but it does not`);
      else {
        const want = layersOf(base.body);
        const have = layersOf(b);
        if (want.length === 0 || !want.every((l, i) => have[i] === l))
          x.fail(
            `expected to be built FROM ${s.from}, but its layers do not start with that image's ${want.length} layers`,
          );
      }
    }
    return result(name, "image", x.errors, start);
  },
};
