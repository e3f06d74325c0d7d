// The registry mirror: Debian's docker-registry in a host-network container, listening on
// loopback (the host engine pushes there without TLS) and, read-only, on the bridge gateway
// (the sandboxes' engines pull there). With an upstream it is a pull-through cache instead.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { DockerCli } from "./docker-cli.ts";
import type { BuiltImage } from "./image-builder.ts";
import type { Progress } from "./progress.ts";

/** One per port, so checkouts with their own state directory and port can share an engine. */
export const mirrorContainer = (port: number): string => `slipway-mirror-${port}`;

export interface Mirror {
  /** host:port the sandboxes' engines use as their registry mirror. */
  readonly sandboxAddr: string;
  /** host:port on loopback, for the host's pushes and health probes. */
  readonly localAddr: string;
  readonly upstream: string | undefined;
}

export interface MirrorOptions {
  readonly cli: DockerCli;
  readonly image: string;
  /** Its storage lives here, one per port, as the container is: shared by the checkouts on
   *  the host that use this port, so a clean clone finds the tags it would push already there
   *  (pushes compare digests), and the container, keyed by its image and storage, is not
   *  restarted under another checkout's running tests. Another port, another storage: a
   *  checkout with other recipes never overwrites this one's tags. */
  readonly cacheDir: string;
  readonly port: number;
  readonly gateway: string;
  readonly upstream: string | undefined;
  readonly progress: Progress;
}

export async function ensureMirror(o: MirrorOptions): Promise<Mirror> {
  const mirror = {
    sandboxAddr: `${o.gateway}:${o.port}`,
    localAddr: `127.0.0.1:${o.port}`,
    upstream: o.upstream,
  };
  const name = mirrorContainer(o.port);
  const dataDir = join(o.cacheDir, "mirror", String(o.port));
  mkdirSync(dataDir, { recursive: true });
  const imageId = (await o.cli.ok(["image", "inspect", "--format", "{{.Id}}", o.image])).trim();
  const key = createHash("sha256")
    .update(JSON.stringify([imageId, mirror, dataDir]))
    .digest("hex")
    .slice(0, 16);
  const have = await o.cli.run([
    "inspect",
    "--format",
    '{{.State.Running}} {{index .Config.Labels "io.slipway.mirror-key"}}',
    name,
  ]);
  if (have.code !== 0 || have.stdout.trim() !== `true ${key}`) {
    o.progress.step(`starting registry mirror on ${mirror.sandboxAddr} and ${mirror.localAddr}`);
    // "slipway-mirror" is what older checkouts named theirs: it would hold the port.
    await o.cli.run(["rm", "-f", name, "slipway-mirror"]);
    const upstream = o.upstream ? ["-e", `REGISTRY_PROXY_REMOTEURL=${o.upstream}`] : [];
    await o.cli.ok([
      "run",
      "-d",
      "--name",
      name,
      "--restart",
      "unless-stopped",
      "--network",
      "host",
      "--label",
      "io.slipway.role=mirror",
      "--label",
      `io.slipway.mirror-key=${key}`,
      "-v",
      `${dataDir}:/var/lib/registry`,
      "-e",
      `SLIPWAY_MIRROR_WRITE_ADDR=${mirror.localAddr}`,
      "-e",
      `SLIPWAY_MIRROR_READ_ADDR=${mirror.sandboxAddr}`,
      ...upstream,
      o.image,
    ]);
  }
  const deadline = Date.now() + 20_000;
  while (!(await mirrorHealthy(mirror))) {
    if (Date.now() > deadline)
      throw new Error(`registry mirror did not answer on ${mirror.localAddr}: docker logs ${name}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return mirror;
}

export async function mirrorHealthy(m: Pick<Mirror, "localAddr">): Promise<boolean> {
  try {
    const r = await fetch(`http://${m.localAddr}/v2/`, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  } catch {
    return false;
  }
}

/** Pushes each learner image under its usual name, skipping tags the mirror already holds. */
export async function seedMirror(
  m: Mirror,
  images: readonly BuiltImage[],
  cli: DockerCli,
  progress: Progress,
): Promise<void> {
  if (m.upstream) return; // a pull-through cache fills itself
  let pushed = 0;
  for (const { image, tags } of images.filter((b) => b.image.kind === "learner")) {
    for (const tag of tags) {
      const [repo = "", version = "latest"] = tag.split(":");
      const path = repo.includes("/") ? repo : `library/${repo}`;
      const target = `${m.localAddr}/${path}:${version}`;
      const local = await cli.ok(["image", "inspect", "--format", "{{json .RepoDigests}}", image.ref]);
      const remote = await manifestDigest(m, path, version);
      if (remote && (JSON.parse(local) as string[]).includes(`${m.localAddr}/${path}@${remote}`)) continue;
      progress.detail(`mirror: pushing ${tag}`);
      await cli.ok(["tag", image.ref, target]);
      await cli.ok(["push", "-q", target]);
      pushed++;
    }
  }
  progress.done(`mirror seeded (${pushed} tags pushed)`);
}

async function manifestDigest(m: Mirror, path: string, tag: string): Promise<string | undefined> {
  try {
    const r = await fetch(`http://${m.localAddr}/v2/${path}/manifests/${tag}`, {
      method: "HEAD",
      headers: { accept: "application/vnd.docker.distribution.manifest.v2+json" },
    });
    return r.ok ? (r.headers.get("docker-content-digest") ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}
