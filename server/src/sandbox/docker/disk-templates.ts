// Disk templates: a sandbox disk on which a nested engine has already pulled a lab's images,
// kept on the host and copied for each new sandbox of that lab. Pulling unpacks every layer
// in the new engine, which cost more than the rest of a sandbox's start together; a copy of a
// sparse image is file I/O. The copy is the learner's own disk, as a fresh one would be.
//
// A template is named after everything that decides its contents: the catalog (each image's
// recipe hash, the engine's included), the images pulled, and the disk's size. A catalog
// rebuild names new templates, and the old ones are removed when the first new one is made.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

import type { SandboxSpec } from "../sandbox-driver.ts";

/** Makes the disk image of a sandbox like `spec` holding `spec.images` at `file`. */
export type BuildTemplate = (
  spec: SandboxSpec & { images: readonly string[] },
  file: string,
) => Promise<void>;

export class DiskTemplates {
  private readonly building = new Map<string, Promise<string | undefined>>();
  private readonly generation: string;

  constructor(
    private readonly dir: string,
    catalogRefs: readonly string[],
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {
    this.generation = hash([...catalogRefs].sort()).slice(0, 12);
  }

  /** A template for these images on a disk of this size (made now if need be), or undefined
   *  when there is nothing to pull or it could not be made: the sandbox then starts empty and
   *  pulls as before. Concurrent starts of one lab wait for the same template. */
  async for(spec: SandboxSpec, build: BuildTemplate): Promise<string | undefined> {
    if (!spec.images?.length) return undefined;
    const images = [...new Set(spec.images)].sort();
    const file = join(this.dir, `${this.generation}-${hash([images, spec.diskGiB]).slice(0, 16)}.img`);
    if (existsSync(file)) return file;
    let pending = this.building.get(file);
    if (!pending) {
      pending = this.make(() => build({ ...spec, images }, partialOf(file)), file).finally(() =>
        this.building.delete(file),
      );
      this.building.set(file, pending);
    }
    return pending;
  }

  private async make(build: () => Promise<void>, file: string): Promise<string | undefined> {
    mkdirSync(this.dir, { recursive: true });
    this.removeOtherGenerations();
    const partial = partialOf(file);
    try {
      await build();
      renameSync(partial, file); // only whole templates ever carry the final name
      return file;
    } catch (e) {
      this.onError(e);
      return undefined;
    } finally {
      rmSync(partial, { force: true });
    }
  }

  /** Templates of an older catalog, and halves left by a process that died building one
   *  (another process may be building one now: only old halves go). */
  private removeOtherGenerations(): void {
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      const stale = name.endsWith(".partial")
        ? Date.now() - statSync(path).mtimeMs > 3_600_000
        : !name.startsWith(`${this.generation}-`);
      if (stale) rmSync(path, { force: true });
    }
  }
}

const partialOf = (file: string) => `${file}.${process.pid}.partial`;
const hash = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");
