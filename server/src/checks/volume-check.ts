// A named volume: existence, and optionally a file inside it. The file is read from the
// volume's Mountpoint inside the engine container, so checking starts no learner-visible
// container and leaves nothing in their `docker ps -a`.
import { posix } from "node:path";
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";
import { matchText, textMatchShape } from "./text-match.ts";

const schema = z.strictObject({
  type: z.literal("volume"),
  name: z.string().optional(),
  volume: z.string().min(1),
  exists: z.boolean().default(true),
  file: z
    .strictObject({
      path: z
        .string()
        .refine((p) => !posix.normalize(p).startsWith(".."), { message: "must stay inside the volume" }),
      exists: z.boolean().default(true),
      ...textMatchShape,
    })
    .optional(),
});
export type VolumeSpec = z.output<typeof schema>;

export const volumeCheck: CheckType<VolumeSpec> = {
  type: "volume",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `volume ${s.volume}`;
    const x = new Expect(`volume ${s.volume}`);
    const res = await ctx.engine("GET", `/volumes/${encodeURIComponent(s.volume)}`);
    if (res.status === 404) {
      if (s.exists) x.fail("expected to exist, but there is no volume with that name");
      return result(name, "volume", x.errors, start);
    }
    if (res.status !== 200) throw new Error(`engine answered ${res.status} to volume inspect`);
    if (!s.exists) x.fail("expected not to exist, but it does");
    if (s.file) {
      const mountpoint = String(dig(res.body, "Mountpoint"));
      const path = posix.join(mountpoint, posix.normalize(s.file.path));
      const r = await ctx.exec(["cat", path], { target: "engine", timeoutMs: 5000 });
      const found = r.exitCode === 0;
      if (found !== s.file.exists)
        x.fail(
          `file ${s.file.path} expected ${s.file.exists ? "to exist" : "not to exist"}, ${found ? "but it does" : "but it does not"}`,
        );
      else if (found) matchText(x, `file ${s.file.path}`, s.file, r.stdout);
    }
    return result(name, "volume", x.errors, start);
  },
};
