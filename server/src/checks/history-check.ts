// Looks for a Docker API call in the learner's audit trail, e.g. "did they ever run a
// container with --memory?". Paths are globs without the /v1.xx prefix or query string:
// `*` matches within one segment, `**` across segments.
import { z } from "zod";
import type { AuditEntry } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { Expect } from "./expect.ts";
import { recordedImageMatches } from "./image-match.ts";
import { parseImageRef } from "./image-ref.ts";
import { imageRefField } from "./spec-fields.ts";

const schema = z.strictObject({
  type: z.literal("history"),
  name: z.string().optional(),
  method: z.enum(["GET", "POST", "PUT", "DELETE", "HEAD"]).optional(),
  path: z.string().startsWith("/", "expected an API path such as /containers/create"),
  /** `nginx` matches a call on any tag or digest of nginx, however it was spelled. */
  image: imageRefField.optional(),
  containerName: z.string().optional(),
  flags: z.array(z.string()).default([]),
  /** Only calls the engine accepted (2xx) count, unless false. */
  succeeded: z.boolean().default(true),
  count: z
    .strictObject({ min: z.number().int().default(1), max: z.number().int().optional() })
    .default({ min: 1 }),
});
export type HistorySpec = z.output<typeof schema>;

const glob = (g: string) =>
  new RegExp(
    `^${g.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*|\*/g, (m) => (m === "**" ? ".*" : "[^/]*"))}$`,
  );
const bare = (path: string) => path.replace(/^\/v\d+(\.\d+)?/, "").replace(/\?.*$/, "");

function describeCall(s: HistorySpec): string {
  const parts = [s.method ?? "any method", s.path];
  if (s.image) parts.push(`image ${s.image}`);
  if (s.containerName) parts.push(`name ${s.containerName}`);
  if (s.flags.length) parts.push(`flags ${s.flags.join(" ")}`);
  return parts.join(" ");
}

export const historyCheck: CheckType<HistorySpec> = {
  type: "history",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const want = describeCall(s);
    const x = new Expect(`history`);
    const re = glob(s.path);
    const image = s.image === undefined ? undefined : parseImageRef(s.image);
    const matches = (e: AuditEntry) =>
      (!s.method || e.method === s.method) &&
      re.test(bare(e.path)) &&
      (!s.succeeded || (e.status >= 200 && e.status < 300)) &&
      (!s.containerName || e.summary.name === s.containerName) &&
      s.flags.every((f) => e.summary.flags.includes(f));
    const entries = await ctx.history();
    // The image last: a call recorded with an image id asks the engine what that image is.
    const hits = await Promise.all(
      entries
        .filter(matches)
        .map(async (e) => !image || (await recordedImageMatches(ctx, image, e.summary.image))),
    );
    const n = hits.filter(Boolean).length;
    if (n < s.count.min || (s.count.max !== undefined && n > s.count.max)) {
      const bound =
        s.count.max === undefined ? `at least ${s.count.min}` : `${s.count.min} to ${s.count.max}`;
      const near = entries.filter((e) => re.test(bare(e.path))).slice(-1)[0];
      const hint = near
        ? `; closest: ${near.method} ${bare(near.path)} ${near.status} ${JSON.stringify(near.summary)}`
        : "";
      x.fail(`expected ${bound} call(s) of ${want}, got ${n}${hint}`);
    }
    return result(s.name ?? want, "history", x.errors, start);
  },
};
