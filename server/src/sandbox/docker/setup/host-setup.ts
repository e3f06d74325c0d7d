// Everything the Docker driver needs on the host, in order: an engine, the image catalog,
// the registry mirror seeded with learner images, and the facts the driver acts on. Shared
// by `npm start` and the integration tests, so a missing step fails both.
import { mkdirSync, writeFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import type { DockerCli } from "./docker-cli.ts";
import { ensureEngine } from "./engine-bootstrap.ts";
import { ensureHostTools } from "./host-packages.ts";
import { probeSessionDisks } from "./probe-session-disks.ts";
import { withSetupLock } from "./setup-lock.ts";
import { buildCatalog } from "./image-builder.ts";
import { loadCatalog } from "./image-catalog.ts";
import type { Progress } from "./progress.ts";
import { type Mirror, ensureMirror, seedMirror } from "./registry-mirror.ts";

export interface HostSetupOptions {
  readonly dockerHost: string | undefined;
  readonly installEngine: boolean;
  readonly privileged: "auto" | "always" | "never";
  readonly stateDir: string;
  /** Shared by the checkouts on this host: the mirror's storage. */
  readonly cacheDir: string;
  readonly imagesDir: string;
  readonly mirrorPort: number;
  readonly mirrorUpstream: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly progress: Progress;
}

export interface HostFacts {
  readonly engineVersion: string;
  readonly privileged: boolean;
  readonly cgroupVersion: "1" | "2";
  readonly mirror: Mirror;
  readonly images: ReadonlyArray<{ name: string; kind: string; ref: string; tags: readonly string[] }>;
  /** Whether sandboxes can get a loop-mounted disk of their own, and if not, why. */
  readonly diskQuota: { readonly supported: boolean; readonly reason?: string };
}

export async function setupHost(o: HostSetupOptions): Promise<HostFacts> {
  mkdirSync(o.stateDir, { recursive: true });
  return withSetupLock(o.stateDir, o.progress, () => setUp(o));
}

async function setUp(o: HostSetupOptions): Promise<HostFacts> {
  o.progress.step("looking for a Docker engine");
  const { cli, version } = await ensureEngine(o);
  o.progress.done(`Docker engine ${version}`);
  const catalog = loadCatalog(o.imagesDir);
  const built = await buildCatalog(catalog, cli, o.progress, (tools) =>
    ensureHostTools(tools, { installAllowed: o.installEngine, env: o.env, progress: o.progress }),
  );
  const ref = (name: string) => catalog.find((i) => i.name === name)?.ref ?? "";
  const gateway = await bridgeGateway(cli);
  const mirror = await ensureMirror({
    cli,
    image: ref("mirror"),
    cacheDir: o.cacheDir,
    port: o.mirrorPort,
    gateway,
    upstream: o.mirrorUpstream,
    progress: o.progress,
  });
  await seedMirror(mirror, built, cli, o.progress);
  const facts: HostFacts = {
    engineVersion: version,
    privileged: await privilegedWorks(cli, o.privileged, ref("base")),
    cgroupVersion: (await cli.ok(["info", "--format", "{{.CgroupVersion}}"])).trim() === "2" ? "2" : "1",
    mirror,
    images: built.map((b) => ({ name: b.image.name, kind: b.image.kind, ref: b.image.ref, tags: b.tags })),
    diskQuota: await probeSessionDisks(o.dockerHost, o.stateDir),
  };
  writeFileSync(join(o.stateDir, "host.json"), JSON.stringify(facts, null, 2));
  o.progress.done(
    `host ready (privileged containers: ${facts.privileged ? "yes" : "no, using the capability form"}; ` +
      `sandbox disk quota: ${facts.diskQuota.supported ? "yes" : `no, ${facts.diskQuota.reason}`})`,
  );
  return facts;
}

// The default bridge's gateway address, where the host (and so the mirror) is reachable from
// every sandbox network. Engine 20.10 leaves IPAM.Gateway empty, and a bridge with no
// container is DOWN (hidden from networkInterfaces): Docker then uses the subnet's first host.
async function bridgeGateway(cli: DockerCli): Promise<string> {
  const out = await cli.ok([
    "network",
    "inspect",
    "bridge",
    "--format",
    '{{json .IPAM.Config}} {{index .Options "com.docker.network.bridge.name"}}',
  ]);
  const [json = "[]", iface = "docker0"] = out.trim().split(" ");
  const config = JSON.parse(json) as Array<{ Gateway?: string; Subnet?: string }>;
  const fromIpam = config.find((c) => c.Gateway)?.Gateway;
  const fromIface = networkInterfaces()[iface]?.find((a) => a.family === "IPv4")?.address;
  const subnet = config.find((c) => c.Subnet?.includes("."))?.Subnet?.split("/")[0];
  const fromSubnet = subnet?.replace(/\.\d+$/, (last) => `.${Number(last.slice(1)) + 1}`);
  const gateway = fromIpam ?? fromIface ?? fromSubnet;
  if (!gateway)
    throw new Error(
      `cannot find the address of the default bridge (${iface}); is the engine using a bridge?`,
    );
  return gateway;
}

// Some hosts (ours among them) refuse --privileged because their capability bounding set
// lacks CAP_SYS_RESOURCE; the driver then uses the equivalent capability form.
async function privilegedWorks(
  cli: DockerCli,
  mode: HostSetupOptions["privileged"],
  image: string,
): Promise<boolean> {
  if (mode !== "auto") return mode === "always";
  const r = await cli.run(["run", "--rm", "--privileged", "--network", "none", image, "true"]);
  return r.code === 0;
}
