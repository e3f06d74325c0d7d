// A value that must not ship inside an image: not in its config (ENV, LABEL, CMD…), not in
// its build history (a build argument used by RUN is recorded there), not in a file of any
// layer (a file deleted by a later layer still ships in the one that added it). Anyone who
// can pull an image can read all three, so a secret belongs to the running container.
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";
import { describeLayer, inspectImage, type Layer, layersOf } from "./image-layers.ts";

const schema = z.strictObject({
  type: z.literal("secret"),
  name: z.string().optional(),
  image: z.string().min(1),
  /** The secret's value; short values would match by accident, so at least 6 characters. */
  value: z.string().min(6, "expected the secret's value, at least 6 characters"),
});
export type SecretSpec = z.output<typeof schema>;

interface HistoryEntry {
  CreatedBy?: string;
  Comment?: string;
}

/** Shown in messages with the value masked: the check must not leak what it protects. */
const mask = (text: string, value: string) => {
  const line = text.split(value).join("***");
  return JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}…` : line);
};

/** Every string in an image's config with where it sits: Config.Env, Config.Labels.owner… */
function strings(v: unknown, at: string): [string, string][] {
  if (typeof v === "string") return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((e) => strings(e, at));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, e]) => strings(e, `${at}.${k}`));
  return [];
}

// Every file, in any layer folder, whose content holds the value: grep -r follows no symlink
// below the folders, -F takes the value literally, and exit 1 only means "none found".
const GREP = `value=$1; shift; grep -rlFZ -e "$value" -- "$@" | tr '\\0' '\\n' | head -n 20; exit 0`;

export const secretCheck: CheckType<SecretSpec> = {
  type: "secret",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `image ${s.image} holds no secret`;
    const x = new Expect(`image ${s.image}`);
    const body = await inspectImage(ctx, s.image);
    if (body === undefined) {
      x.fail("expected to exist, but there is no image with that name");
      return result(name, "secret", x.errors, start);
    }
    for (const [field, text] of strings(dig(body, "Config"), "Config"))
      if (text.includes(s.value)) x.fail(`the secret is in its ${field}: ${mask(text, s.value)}`);
    const id = String(dig(body, "Id"));
    const history = await ctx.engine("GET", `/images/${encodeURIComponent(id)}/history`);
    for (const h of (Array.isArray(history.body) ? history.body : []) as HistoryEntry[])
      for (const text of [h.CreatedBy, h.Comment])
        if (text?.includes(s.value)) x.fail(`the secret is in its build history: ${mask(text, s.value)}`);
    const layers = layersOf(body);
    const r = await ctx.exec(["bash", "-c", GREP, "secret", s.value, ...layers.map((l) => l.dir)], {
      target: "engine",
      timeoutMs: 12_000,
    });
    if (r.exitCode !== 0)
      throw new Error(`could not read the image's layers: ${r.stderr.trim().slice(0, 200)}`);
    for (const file of r.stdout.split("\n").filter(Boolean)) {
      const i = layers.findIndex((l) => file.startsWith(`${l.dir}/`));
      const path = i < 0 ? file : file.slice((layers[i] as Layer).dir.length);
      x.fail(`the secret is in the file ${path} of ${describeLayer(layers, i)}`);
    }
    return result(name, "secret", x.errors, start);
  },
};
