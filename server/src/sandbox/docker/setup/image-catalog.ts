// The image catalog: docker/images/<name>/ holds a recipe (Dockerfile or a rootfs script)
// and a manifest.json. Each image's cache key hashes its recipe files and its dependencies'
// keys, so changing the base rebuilds everything above it and nothing else.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type ImageManifest, readManifests } from "../../../images/image-manifest.ts";

export type { ImageManifest };

export interface CatalogImage extends ImageManifest {
  readonly dir: string;
  /** Cache key: recipe files plus the keys of what it builds on. */
  readonly hash: string;
  /** Where the builder puts it on the host engine (also tagged `latest`, for people). */
  readonly ref: string;
}

export function loadCatalog(imagesDir: string): CatalogImage[] {
  const manifests = new Map(
    readManifests(imagesDir).map(({ manifest, dir }) => [manifest.name, { m: manifest, dir }]),
  );
  const ordered: CatalogImage[] = [];
  const byName = new Map<string, CatalogImage>();
  const visit = (name: string, trail: string[]) => {
    if (byName.has(name)) return;
    const entry = manifests.get(name);
    if (!entry) throw new Error(`image catalog: "${trail.at(-1)}" depends on unknown image "${name}"`);
    if (trail.includes(name))
      throw new Error(`image catalog: dependency cycle ${[...trail, name].join(" -> ")}`);
    for (const dep of entry.m.dependsOn) visit(dep, [...trail, name]);
    const hash = createHash("sha256");
    for (const dep of entry.m.dependsOn) hash.update(`dep:${byName.get(dep)?.hash}\n`);
    for (const f of listFiles(entry.dir)) hash.update(`${relative(entry.dir, f)}\n`).update(readFileSync(f));
    const key = hash.digest("hex").slice(0, 16);
    const image: CatalogImage = {
      ...entry.m,
      dir: entry.dir,
      hash: key,
      // The recipe hash as tag: two checkouts (or a test of an older commit) on one engine
      // then use their own images instead of overwriting each other's `latest`.
      ref: `slipway/${name}:${key}`,
    };
    byName.set(name, image);
    ordered.push(image);
  };
  for (const name of manifests.keys()) visit(name, []);
  return ordered;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
