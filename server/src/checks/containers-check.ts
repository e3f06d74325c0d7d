// The learner's containers as a set (GET /containers/json?all=1): how many match a filter,
// and which names they have. For "exactly these containers", "no container left behind",
// and "some container runs nginx" when the lesson does not need a particular name.
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import type { CheckContext } from "./check-context.ts";
import { dig, Expect } from "./expect.ts";
import { recordedImageMatches } from "./image-match.ts";
import { looksLikeId, parseImageRef, type ImageRef } from "./image-ref.ts";
import { imageRefField, rangeField, setField } from "./spec-fields.ts";

const schema = z.strictObject({
  type: z.literal("containers"),
  name: z.string().optional(),
  /** Filters: a container counts only if it matches all of them. */
  image: imageRefField.optional(),
  state: z.enum(["created", "running", "paused", "restarting", "exited", "dead"]).optional(),
  network: z.string().min(1).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  /** How many match; without `names` too, at least one must. */
  count: rangeField.optional(),
  names: setField(z.string()).optional(),
});
export type ContainersSpec = z.output<typeof schema>;

interface Listed {
  readonly Id: string;
  readonly Names?: readonly string[];
  readonly Image?: string;
  readonly ImageID?: string;
  readonly State?: string;
  readonly Labels?: Record<string, string> | null;
  readonly NetworkSettings?: { readonly Networks?: Record<string, unknown> | null };
}

/** A list shows an image id once its tag has moved; the container still knows what was typed. */
async function imageMatches(ctx: CheckContext, want: ImageRef, c: Listed): Promise<boolean> {
  if (await recordedImageMatches(ctx, want, c.Image, c.ImageID)) return true;
  if (c.Image === undefined || !looksLikeId(c.Image)) return false;
  const res = await ctx.engine("GET", `/containers/${encodeURIComponent(c.Id)}/json`);
  return res.status === 200 && recordedImageMatches(ctx, want, dig(res.body, "Config.Image") as string);
}

function describe(s: ContainersSpec): string {
  const f = [
    s.image && `image ${s.image}`,
    s.state && `state ${s.state}`,
    s.network && `on network ${s.network}`,
    ...Object.entries(s.labels ?? {}).map(([k, v]) => `label ${k}=${v}`),
  ].filter(Boolean);
  return f.length ? `containers (${f.join(", ")})` : "containers";
}

export const containersCheck: CheckType<ContainersSpec> = {
  type: "containers",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const subject = describe(s);
    const x = new Expect(subject);
    const res = await ctx.engine("GET", "/containers/json?all=1");
    if (res.status !== 200) throw new Error(`engine answered ${res.status} to container list`);
    const image = s.image === undefined ? undefined : parseImageRef(s.image);
    const matched = await Promise.all(
      (res.body as Listed[]).map(async (c) => {
        const fits =
          (!s.state || c.State === s.state) &&
          (!s.network || Object.hasOwn(c.NetworkSettings?.Networks ?? {}, s.network)) &&
          Object.entries(s.labels ?? {}).every(([k, v]) => c.Labels?.[k] === v) &&
          (!image || (await imageMatches(ctx, image, c)));
        return fits ? (c.Names?.[0] ?? "").replace(/^\//, "") : undefined;
      }),
    );
    const names = matched.filter((n) => n !== undefined).sort();
    const count = s.count ?? (s.names === undefined ? { min: 1 } : undefined);
    x.range("count", count, names.length, names.join(", ") || undefined);
    x.set("names", s.names, names);
    return result(s.name ?? subject, "containers", x.errors, start);
  },
};
