// Which image a container or a Docker call used, compared as Docker compares references.
// The engine records a container's image as the learner typed it (Config.Image: "nginx:1.22",
// an id, a digest), and lists show an id once the tag has moved to another image; in those
// cases the image itself (its RepoTags and RepoDigests) says what it is.
import type { CheckContext } from "./check-context.ts";
import { anySameImage, looksLikeId, sameImage, tryImageRef, type ImageRef } from "./image-ref.ts";

interface ImageSummary {
  readonly Id: string;
  readonly Created?: number;
  readonly RepoTags?: readonly string[] | null;
  readonly RepoDigests?: readonly string[] | null;
}

const namesOf = (i: ImageSummary) => [...(i.RepoTags ?? []), ...(i.RepoDigests ?? [])];

/** RepoTags and RepoDigests of an image ([] when the engine no longer has it). */
async function imageNames(ctx: CheckContext, idOrRef: string): Promise<string[]> {
  const res = await ctx.engine("GET", `/images/${encodeURIComponent(idOrRef)}/json`);
  return res.status === 200 ? namesOf(res.body as ImageSummary) : [];
}

/**
 * Whether an image as the engine recorded it names `want`. `imageId` is the image the
 * container really runs, when known; it is consulted only where the record cannot say: an
 * id, or a digest when a tag is wanted.
 */
export async function recordedImageMatches(
  ctx: CheckContext,
  want: ImageRef,
  recorded: string | undefined,
  imageId?: string,
): Promise<boolean> {
  if (recorded === undefined) return false;
  const got = tryImageRef(recorded);
  if (got && sameImage(want, got)) return true;
  const digestOnly =
    got !== undefined &&
    want.tag !== undefined &&
    got.tag === undefined &&
    got.digest !== undefined &&
    sameImage({ domain: want.domain, path: want.path }, got);
  if (got !== undefined && !looksLikeId(recorded) && !digestOnly) return false;
  return anySameImage(want, await imageNames(ctx, imageId ?? recorded));
}

/** Every image of the engine that `want` names (any tag of a repository unless it asks for one), newest first. */
export async function imagesNamed(ctx: CheckContext, want: ImageRef): Promise<ImageSummary[]> {
  const res = await ctx.engine("GET", "/images/json");
  if (res.status !== 200) throw new Error(`engine answered ${res.status} to image list`);
  return (res.body as ImageSummary[])
    .filter((i) => anySameImage(want, namesOf(i)))
    .sort((a, b) => (b.Created ?? 0) - (a.Created ?? 0));
}
