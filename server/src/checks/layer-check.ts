// A layer of an image, found by a path its files hold: whether any layer holds the path (a
// file deleted by a later layer still ships in the one that added it), and whether that layer
// is shared with another image. Two builds share a layer when the second took it from the
// build cache: the same layer on top of the same layers below it. So "rebuilt after a code
// change, the dependencies layer was reused" is a fact about layer ids, not about what the
// learner typed.
import { posix } from "node:path";
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { Expect } from "./expect.ts";
import { describeLayer, diffIds, inspectImage, layersHolding, layersOf } from "./image-layers.ts";

const imageName = z.string().min(1);

const schema = z.strictObject({
  type: z.literal("layer"),
  name: z.string().optional(),
  image: imageName,
  /** An absolute path in the image; the layer meant is the lowest one whose files hold it. */
  holding: z
    .string()
    .refine((p) => p.startsWith("/") && posix.normalize(p) !== "/", {
      message: "expected an absolute path in the image, e.g. /usr/local/lib/python3.11/dist-packages/boxed",
    })
    .transform((p) => posix.normalize(p).replace(/\/$/, "")),
  /** false: no layer holds the path at all. */
  exists: z.boolean().default(true),
  /** That layer is also in this image, on the same layers below it; `{ not: image }`: it is not. */
  sharedWith: z.union([imageName, z.strictObject({ not: imageName })]).optional(),
});
export type LayerSpec = z.output<typeof schema>;

/** The same layer at the same place with the same layers below: what a cache hit produces. */
const sameChain = (a: readonly string[], b: readonly string[], upTo: number): boolean =>
  b.length > upTo && a.slice(0, upTo + 1).every((id, i) => b[i] === id);

export const layerCheck: CheckType<LayerSpec> = {
  type: "layer",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `image ${s.image}: the layer holding ${s.holding}`;
    const x = new Expect(`image ${s.image}`);
    const body = await inspectImage(ctx, s.image);
    if (body === undefined) {
      x.fail("expected to exist, but there is no image with that name");
      return result(name, "layer", x.errors, start);
    }
    const layers = layersOf(body);
    const held = await layersHolding(ctx, layers, s.holding);
    const at = held.indexOf(true);
    if (!s.exists) {
      if (at >= 0)
        x.fail(
          `${s.holding} expected in no layer, but ${describeLayer(layers, at)} holds it` +
            (held.lastIndexOf(true) > at ? " (and later layers too)" : ""),
        );
      return result(name, "layer", x.errors, start);
    }
    if (at < 0) {
      x.fail(`${s.holding} expected in one of its ${layers.length} layers, but none holds it`);
      return result(name, "layer", x.errors, start);
    }
    if (s.sharedWith !== undefined) {
      const wantShared = typeof s.sharedWith === "string";
      const other = typeof s.sharedWith === "string" ? s.sharedWith : s.sharedWith.not;
      const otherBody = await inspectImage(ctx, other);
      const layer = `the layer holding ${s.holding} (${describeLayer(layers, at)})`;
      if (otherBody === undefined) x.fail(`${layer}: image ${other} expected to exist, but it does not`);
      else if (sameChain(diffIds(body), diffIds(otherBody), at) !== wantShared)
        x.fail(
          wantShared
            ? `${layer} expected to be shared with ${other}, but ${other} has a different layer there: it was built again, not taken from the cache`
            : `${layer} expected to differ from ${other}'s, but it is the same layer`,
        );
    }
    return result(name, "layer", x.errors, start);
  },
};
