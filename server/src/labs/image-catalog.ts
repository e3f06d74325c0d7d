// Images a lab may pre-pull: only what the local mirror carries, so a lab never waits on
// (or fails because of) a registry on the internet.
export const IMAGE_CATALOG = [
  "busybox",
  "debian",
  "nginx",
  "redis",
  "postgres",
  "mysql",
  "python",
  "node",
  "http-echo",
] as const;

/** True for a catalog name with an optional tag, e.g. "python:3.12-slim". */
export function isCatalogImage(ref: string): boolean {
  const m = /^([a-z0-9-]+)(?::[\w][\w.-]{0,127})?$/.exec(ref);
  return m !== null && (IMAGE_CATALOG as readonly string[]).includes(m[1] as string);
}
