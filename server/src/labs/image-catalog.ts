// Images a lab may pre-pull: only what the local mirror carries, so a lab never waits on
// (or fails because of) a registry on the internet. The list is the learner images' tags in
// docker/images/*/manifest.json, so a new image is one new folder.
import { readManifests } from "../images/image-manifest.ts";

let repositories: readonly string[] | undefined;

/** The repositories learners can pull, e.g. "nginx", "hashicorp/http-echo". */
export function catalogRepositories(): readonly string[] {
  repositories ??= [
    ...new Set(
      readManifests()
        .filter(({ manifest }) => manifest.kind === "learner")
        .flatMap(({ manifest }) => manifest.tags.map((t) => t.split(":")[0] as string)),
    ),
  ].sort();
  return repositories;
}

/** True for a catalog repository with an optional tag, e.g. "python:3.12-slim". */
export function isCatalogImage(ref: string): boolean {
  const m = /^([a-z0-9][a-z0-9._/-]*?)(?::[\w][\w.-]{0,127})?$/.exec(ref);
  return m !== null && catalogRepositories().includes(m[1] as string);
}
