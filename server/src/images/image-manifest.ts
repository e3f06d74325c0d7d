// docker/images/<name>/manifest.json: what each image is, as the builder and the lab format
// both need it. The folder is the one place an image is declared.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

export const IMAGES_DIR = resolve(import.meta.dirname, "../../../docker/images");

const Manifest = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(["infra", "sandbox", "learner"]),
  purpose: z.string().min(1),
  tags: z.array(z.string().min(1)).min(1),
  dependsOn: z.array(z.string()).default([]),
  buildArgs: z.record(z.string(), z.string()).default({}),
  script: z.string().optional(),
  /** Commands a script recipe runs on the host, with the Debian packages that provide them. */
  hostTools: z
    .array(z.object({ command: z.string().min(1), packages: z.array(z.string().min(1)).min(1) }))
    .default([]),
  versionCommand: z.array(z.string()).optional(),
  versionTags: z.array(z.string()).default([]),
});

export type ImageManifest = z.infer<typeof Manifest>;

/** Every recipe folder's manifest, with its folder, sorted by folder name. */
export function readManifests(imagesDir = IMAGES_DIR): Array<{ manifest: ImageManifest; dir: string }> {
  const out: Array<{ manifest: ImageManifest; dir: string }> = [];
  for (const name of readdirSync(imagesDir).sort()) {
    const dir = join(imagesDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const file = join(dir, "manifest.json");
    const parsed = Manifest.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    out.push({ manifest: parsed.data, dir });
  }
  return out;
}
