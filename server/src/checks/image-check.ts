// An image in the learner's engine: size, layers, user, healthcheck, ports, Cmd/Entrypoint,
// and its base. "Built FROM base" means the base's layers are a prefix of this image's.
// `image: app` names every tag of app (the check passes if one of them satisfies it);
// `image: app:1.0` only that tag. Bases are named the same way.
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";
import { imagesNamed } from "./image-match.ts";
import { familiarString, parseImageRef, type ImageRef } from "./image-ref.ts";
import { imageRefField } from "./spec-fields.ts";

const schema = z.strictObject({
  type: z.literal("image"),
  name: z.string().optional(),
  image: imageRefField,
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
  from: imageRefField.optional(),
});
export type ImageSpec = z.output<typeof schema>;

const layersOf = (body: unknown) => (dig(body, "RootFS.Layers") ?? []) as string[];

/** Inspect bodies of every image `ref` names, newest first. */
async function inspectAll(ctx: CheckContext, ref: ImageRef): Promise<unknown[]> {
  const found = await imagesNamed(ctx, ref);
  const bodies = await Promise.all(
    found.map(async (i) => {
      const res = await ctx.engine("GET", `/images/${encodeURIComponent(i.Id)}/json`);
      return res.status === 200 ? res.body : undefined;
    }),
  );
  return bodies.filter((b) => b !== undefined);
}

const anyTag = (r: ImageRef) => (r.tag || r.digest ? "" : " (any tag)");

export const imageCheck: CheckType<ImageSpec> = {
  type: "image",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `image ${s.image}`;
    const ref = parseImageRef(s.image);
    const [found, bases] = await Promise.all([
      inspectAll(ctx, ref),
      s.from ? inspectAll(ctx, parseImageRef(s.from)) : [],
    ]);
    if (found.length === 0 || !s.exists) {
      const x = new Expect(`image ${s.image}`);
      if (found.length === 0 && s.exists)
        x.fail(`expected to exist, but there is no image ${familiarString(ref)}${anyTag(ref)}`);
      if (found.length > 0 && !s.exists) x.fail("expected not to exist, but it does");
      return result(name, "image", x.errors, start);
    }
    // Any one tag that satisfies every field passes; otherwise the newest one's differences.
    const tries = found.map((b) => compare(s, b, bases, found.length > 1));
    const best = tries.find((errors) => errors.length === 0) ?? tries[0] ?? [];
    return result(name, "image", best, start);
  },
};

/** The differences of one image from the spec; `which` names it when several tags matched. */
function compare(s: ImageSpec, b: unknown, bases: readonly unknown[], which: boolean): string[] {
  const tags = ((dig(b, "RepoTags") ?? []) as string[]).join(", ");
  const x = new Expect(`image ${s.image}${which ? ` (${tags || String(dig(b, "Id"))})` : ""}`);
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
    const have = layersOf(b);
    const prefix = (base: unknown) => {
      const want = layersOf(base);
      return want.length > 0 && want.every((l, i) => have[i] === l);
    };
    if (bases.length === 0) x.fail(`base image ${s.from} expected to exist in the engine, but it does not`);
    else if (!bases.some(prefix))
      x.fail(
        `expected to be built FROM ${s.from}, but its layers do not start with the layers of any ${s.from} image`,
      );
  }
  return x.errors;
}
