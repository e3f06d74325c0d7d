// An image's layers as the learner's engine stores them: each layer's diff id next to the
// overlay2 folder that holds its files, bottom layer first. Checks read those folders from
// the engine container, so looking inside an image never starts a container from it (the
// learner's `docker ps -a` and event stream stay theirs).
import type { CheckContext } from "./check-context.ts";
import { dig } from "./expect.ts";

export interface Layer {
  readonly diffId: string;
  /** The layer's own files (overlay2's `diff` folder), as the engine container sees them. */
  readonly dir: string;
}

/** The image's inspect body, or undefined when the engine has no image by that name. */
export async function inspectImage(ctx: CheckContext, ref: string): Promise<unknown> {
  const res = await ctx.engine("GET", `/images/${encodeURIComponent(ref)}/json`);
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`engine answered ${res.status} to image inspect`);
  return res.body;
}

export const diffIds = (body: unknown): string[] => (dig(body, "RootFS.Layers") ?? []) as string[];

/** overlay2 lists the top layer's folder as UpperDir and the others, top first, in LowerDir. */
export function layersOf(body: unknown): Layer[] {
  const driver = String(dig(body, "GraphDriver.Name"));
  if (driver !== "overlay2")
    throw new Error(`looking inside layers needs the overlay2 storage driver; the engine uses ${driver}`);
  const upper = dig(body, "GraphDriver.Data.UpperDir");
  const lower = dig(body, "GraphDriver.Data.LowerDir");
  const dirs = [upper, ...(typeof lower === "string" && lower ? lower.split(":") : [])].reverse();
  const ids = diffIds(body);
  if (typeof upper !== "string" || dirs.length !== ids.length)
    throw new Error(`image has ${ids.length} layers but the engine lists ${dirs.length} layer folders`);
  return ids.map((diffId, i) => ({ diffId, dir: dirs[i] as string }));
}

/** "layer 5 of 7 (sha256:1a2b3c4d5e6f)": how a message names a layer. */
export const describeLayer = (layers: readonly Layer[], i: number): string =>
  `layer ${i + 1} of ${layers.length} (${layers[i]?.diffId.slice(0, 19) ?? "?"})`;

// For each folder, 1 if it holds the path, else 0. Symlinks among the path's parents are not
// followed (they would lead out of the layer, into the engine's own filesystem), and an
// overlay whiteout (a 0:0 character device) marks a deletion, not a file.
const HOLDS = `
path=$1; shift
IFS=/ read -ra parts <<< "\${path#/}"
for dir in "$@"; do
  p=$dir; held=1
  for ((i = 0; i < \${#parts[@]}; i++)); do
    p=$p/\${parts[i]}
    if ((i < \${#parts[@]} - 1)); then
      if [[ -L $p || ! -d $p ]]; then held=0; break; fi
    elif [[ ! -L $p && ( -c $p || ! -e $p ) ]]; then held=0
    fi
  done
  echo $held
done`;

/** Which layers hold `path` (absolute, in the image), in the order of `layers`. */
export async function layersHolding(
  ctx: CheckContext,
  layers: readonly Layer[],
  path: string,
): Promise<boolean[]> {
  const r = await ctx.exec(["bash", "-c", HOLDS, "layers", path, ...layers.map((l) => l.dir)], {
    target: "engine",
    timeoutMs: 12_000, // a busy host makes the exec itself slow; the check runner bounds the whole check
  });
  const flags = r.stdout.trim().split("\n").filter(Boolean);
  if (r.exitCode !== 0 || flags.length !== layers.length)
    throw new Error(
      `could not read the image's layers (exit ${r.exitCode}): ${r.stderr.trim().slice(0, 200)}`,
    );
  return flags.map((f) => f === "1");
}
