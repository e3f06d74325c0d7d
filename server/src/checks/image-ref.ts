// Image references as Docker reads them (distribution/reference's grammar and its
// ParseNormalizedNamed), so `nginx`, `nginx:latest`, `library/nginx` and
// `docker.io/library/nginx:latest` name one image in every check. The only place that
// knows the grammar: check types parse with it and compare with sameImage().

export interface ImageRef {
  /** Registry host, with its port if any: "docker.io", "localhost:5000". */
  readonly domain: string;
  /** Repository path inside the registry: "library/nginx", "user/app". */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export class ImageRefError extends Error {
  override readonly name = "ImageRefError";
}

const DEFAULT_DOMAIN = "docker.io";
const LEGACY_DOMAIN = "index.docker.io";
const OFFICIAL = "library/";
const NAME_MAX = 255;

const alnum = "[a-z0-9]+";
const separator = "(?:[._]|__|[-]+)";
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = new RegExp(`^${host}(?::[0-9]+)?$`);
const PATH = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const ID = /^(?:sha256:)?[a-f0-9]{64}$/;
/** Hex lengths of the algorithms go-digest knows; anything else is refused as Docker does. */
const DIGEST_HEX: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** A full image id (64 hex digits, optionally `sha256:`), which is not a name. */
export const isImageId = (s: string): boolean => ID.test(s);

/** What the engine may record where a name was expected: an id, or a short id prefix. */
export const looksLikeId = (s: string): boolean => /^(?:sha256:)?[a-f0-9]{12,64}$/.test(s);

/** Docker's splitDockerDomain: the first component is a registry only if it looks like one. */
function splitDomain(name: string): [string, string] {
  const i = name.indexOf("/");
  const first = name.slice(0, i);
  let [domain, rest] =
    i === -1 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)
      ? [DEFAULT_DOMAIN, name]
      : [first, name.slice(i + 1)];
  if (domain === LEGACY_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !rest.includes("/")) rest = OFFICIAL + rest;
  return [domain, rest];
}

function checkDigest(digest: string): void {
  if (!DIGEST.test(digest)) throw new ImageRefError(`invalid digest "${digest}"`);
  const [alg = "", hex = ""] = digest.split(":");
  const want = DIGEST_HEX[alg];
  if (want === undefined) throw new ImageRefError(`unsupported digest algorithm "${alg}"`);
  if (hex.length !== want || !/^[a-f0-9]+$/.test(hex))
    throw new ImageRefError(`invalid ${alg} digest: expected ${want} lowercase hex digits`);
}

/** Parses like ParseNormalizedNamed; throws ImageRefError saying what is wrong. */
export function parseImageRef(s: string): ImageRef {
  if (s === "") throw new ImageRefError("repository name must have at least one component");
  if (isImageId(s))
    throw new ImageRefError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const at = s.indexOf("@");
  const digest = at === -1 ? undefined : s.slice(at + 1);
  const named = at === -1 ? s : s.slice(0, at);
  const [domain, remainder] = splitDomain(named);
  const colon = remainder.lastIndexOf(":");
  const tag = colon === -1 ? undefined : remainder.slice(colon + 1);
  const path = colon === -1 ? remainder : remainder.slice(0, colon);
  if (path.toLowerCase() !== path)
    throw new ImageRefError(`invalid reference format: repository name (${path}) must be lowercase`);
  if (!DOMAIN.test(domain)) throw new ImageRefError(`invalid reference format: registry "${domain}"`);
  if (!PATH.test(path)) throw new ImageRefError(`invalid reference format: repository name "${path}"`);
  if (domain.length + 1 + path.length > NAME_MAX)
    throw new ImageRefError(`repository name must not be more than ${NAME_MAX} characters`);
  if (tag !== undefined && !TAG.test(tag)) throw new ImageRefError(`invalid tag "${tag}"`);
  if (digest !== undefined) checkDigest(digest);
  return { domain, path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The reference, or undefined when it is not one (an id, garbage from an old record). */
export function tryImageRef(s: string | undefined): ImageRef | undefined {
  if (s === undefined) return undefined;
  try {
    return parseImageRef(s);
  } catch {
    return undefined;
  }
}

/** The repository as `docker images` shows it: "nginx", "user/app", "localhost:5000/app". */
export function familiarName(r: ImageRef): string {
  if (r.domain !== DEFAULT_DOMAIN) return `${r.domain}/${r.path}`;
  const rest = r.path.slice(OFFICIAL.length);
  return r.path.startsWith(OFFICIAL) && !rest.includes("/") ? rest : r.path;
}

/** The reference as `docker` prints it, e.g. "nginx:1.22". */
export function familiarString(r: ImageRef): string {
  return `${familiarName(r)}${r.tag !== undefined ? `:${r.tag}` : ""}${r.digest !== undefined ? `@${r.digest}` : ""}`;
}

/** `docker run nginx` means nginx:latest; `nginx@sha256:…` names no tag at all. */
const effectiveTag = (r: ImageRef) => r.tag ?? (r.digest === undefined ? "latest" : undefined);

/**
 * Whether `got` satisfies what a check asked for: the same repository, and the tag or
 * digest only where `want` names one (`nginx` accepts any tag; `nginx:1.22` only that one).
 */
export function sameImage(want: ImageRef, got: ImageRef): boolean {
  if (want.domain !== got.domain || want.path !== got.path) return false;
  if (want.digest !== undefined && want.digest !== got.digest) return false;
  if (want.tag !== undefined && want.tag !== effectiveTag(got)) return false;
  return true;
}

/** sameImage over references as the engine lists them (RepoTags, RepoDigests). */
export const anySameImage = (want: ImageRef, refs: readonly (string | undefined)[]): boolean =>
  refs.some((r) => {
    const got = tryImageRef(r);
    return got !== undefined && sameImage(want, got);
  });
