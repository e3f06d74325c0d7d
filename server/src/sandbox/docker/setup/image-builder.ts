// Builds the catalog on the host engine, skipping every image whose recipe hash is unchanged.
import { join } from "node:path";
import type { CatalogImage } from "./image-catalog.ts";
import { type DockerCli, runCommand } from "./docker-cli.ts";
import type { Progress } from "./progress.ts";

export const RECIPE_LABEL = "io.slipway.recipe";

export interface BuiltImage {
  readonly image: CatalogImage;
  /** Names learners use (nginx:latest, python:3.11.2…), version tags resolved. */
  readonly tags: readonly string[];
  readonly cached: boolean;
}

export async function buildCatalog(
  catalog: readonly CatalogImage[],
  cli: DockerCli,
  progress: Progress,
  ensureTools: (tools: CatalogImage["hostTools"]) => Promise<void>,
): Promise<BuiltImage[]> {
  const refs = new Map(catalog.map((i) => [i.name, i.ref]));
  const built: BuiltImage[] = [];
  for (const [n, image] of catalog.entries()) {
    const label = `[${n + 1}/${catalog.length}] ${image.name}`;
    const have = await cli.run([
      "image",
      "inspect",
      "--format",
      `{{index .Config.Labels "${RECIPE_LABEL}"}}`,
      image.ref,
    ]);
    const cached = have.code === 0 && have.stdout.trim() === image.hash;
    if (!cached) {
      const started = Date.now();
      progress.step(`${label}: building`);
      await ensureTools(image.hostTools);
      await buildOne(image, refs, cli, (line) => progress.detail(`${image.name}: ${line}`));
      await cli.ok(["tag", image.ref, image.ref.replace(/:[^:]+$/, ":latest")]);
      progress.detail(`${image.name}: built in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
    built.push({ image, tags: await resolveTags(image, cli), cached });
  }
  const fresh = built.filter((b) => !b.cached).length;
  progress.done(`images ready: ${catalog.length} (${fresh} built, ${catalog.length - fresh} cached)`);
  return built;
}

async function buildOne(
  image: CatalogImage,
  refs: Map<string, string>,
  cli: DockerCli,
  say: (l: string) => void,
) {
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    // The legacy builder prints "Step 2/5 : RUN …": enough to show where a long build is.
    if (/^Step \d+\/\d+ :/.test(line) || /^(debootstrap|importing)/.test(line)) say(line.slice(0, 120));
  };
  const r = image.script
    ? await runCommand(
        "sh",
        [join(image.dir, image.script), image.ref, `${RECIPE_LABEL}=${image.hash}`],
        cli.env,
        { onLine },
      )
    : await cli.run(
        [
          "build",
          "--label",
          `${RECIPE_LABEL}=${image.hash}`,
          "--build-arg",
          `BASE=${refs.get("base")}`,
          ...Object.entries(image.buildArgs).flatMap(([arg, dep]) => [
            "--build-arg",
            `${arg}=${refs.get(dep) ?? dep}`,
          ]),
          "-t",
          image.ref,
          image.dir,
        ],
        { onLine },
      );
  if (r.code !== 0)
    throw new Error(`building image ${image.name} failed (${image.dir}):\n${tail.join("\n")}`);
}

async function resolveTags(image: CatalogImage, cli: DockerCli): Promise<string[]> {
  if (!image.versionCommand || image.versionTags.length === 0) return image.tags;
  const out = await cli.ok([
    "run",
    "--rm",
    "--entrypoint",
    image.versionCommand[0] ?? "",
    image.ref,
    ...image.versionCommand.slice(1),
  ]);
  const version = out.trim().replace(/^v/, "");
  const [major = "", minor = ""] = version.split(".");
  const fill = (t: string) =>
    t.replace("{version}", version).replace("{major}", major).replace("{minor}", minor);
  return [...image.tags, ...image.versionTags.map(fill)];
}
