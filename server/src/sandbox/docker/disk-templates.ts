// Disk templates: a sandbox disk on which a nested engine has already pulled a lab's images,
// kept on the host and copied for each new sandbox of that lab. Pulling unpacks every layer
// in the new engine, which cost more than the rest of a sandbox's start together; a copy of a
// sparse image is file I/O. The copy is the learner's own disk, as a fresh one would be.
//
// A template is named after everything that decides its contents: the catalog (each image's
// recipe hash, the engine's included), the images pulled, and the disk's size, so checkouts
// on one host share them (config.cacheDir). A catalog rebuild names new templates; another
// generation's are removed when a new one is made, once no checkout has used them for a day
// (another checkout may be on an older catalog: its templates must not thrash with ours).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
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
    if (existsSync(file)) {
      touch(file); // in use: not another generation's to remove
      return file;
    }
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

  /** Another catalog's templates unused for a day, and halves left by a process that died
   *  building one (another process may be building one now: only old halves go). */
  private removeOtherGenerations(): void {
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      const age = Date.now() - statSync(path).mtimeMs;
      const stale = name.endsWith(".partial")
        ? age > 3_600_000
        : !name.startsWith(`${this.generation}-`) && age > UNUSED_MS;
      if (stale) rmSync(path, { force: true });
    }
  }
}

const UNUSED_MS = 24 * 3_600_000;

function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // removed meanwhile by another checkout: the copy will say so
  }
}

const partialOf = (file: string) => `${file}.${process.pid}.partial`;
const hash = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");
