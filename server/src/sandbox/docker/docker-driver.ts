// The Docker implementation of SandboxDriver: the only code that speaks to the host engine.
import Dockerode from "dockerode";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Duplex } from "node:stream";
import { SlipwayError } from "../../errors.ts";
import { type Labels, toLabelMap } from "../labels.ts";
import type {
  DriverHealth,
  SandboxDriver,
  SandboxRef,
  SandboxSpec,
  StorageReport,
} from "../sandbox-driver.ts";
import { execIn } from "./docker-exec.ts";
import { listeningPorts } from "./listening-ports.ts";
import { listLabelled, removeLabelled } from "./labelled-resources.ts";
import { putFiles, readFileFrom } from "./docker-files.ts";
import { watchSandbox } from "./docker-watch.ts";
import { dtachStarter, openDtachShell } from "./dtach-shell.ts";
import { pingEngine } from "./engine-ping.ts";
import { resolveEnginePaths } from "./engine-paths.ts";
import { type BuildTemplate, DiskTemplates } from "./disk-templates.ts";
import {
  SERVER_DIRS,
  createSessionDisk,
  keepDiskAs,
  mountSessionDisk,
  pruneSandboxDirs,
  removeSessionDisk,
  storageReport,
  unmountSessionDisk,
} from "./session-disk.ts";
import { type PauseDisk, pauseSandbox, resumeSandbox } from "./sandbox-pause.ts";
import { connectNoFollow } from "./socket-no-follow.ts";
import { type HostTraits, engineOptions, sandboxNames, workstationOptions } from "./sandbox-containers.ts";
import { SubnetAllocator } from "./subnet-allocator.ts";
import { mirrorHealthy } from "./setup/registry-mirror.ts";
import type { HostFacts } from "./setup/host-setup.ts";
// A template's throwaway sandbox belongs to this process, not to a server's sessions: no
// reconciler takes it for an orphan, and any Slipway reaps it if this process dies.
import { ephemeralInstance } from "../../sessions/reconcile/ephemeral-instance.ts";

/** Written by the engine image's engine-restart.sh while it brings containers back. */
const RESTARTING_LIST = "/run/slipway-engine/restarting";

export interface DockerDriverOptions {
  readonly dockerHost: string | undefined;
  readonly stateDir: string;
  /** Shared by the checkouts on this host: the disk templates. */
  readonly cacheDir: string;
  readonly facts: HostFacts;
  /** Where sandbox networks take their subnets from (config: SLIPWAY_SANDBOX_SUBNET). */
  readonly subnetRange?: string;
}

export class DockerDriver implements SandboxDriver {
  readonly name = "docker";
  private readonly docker: Dockerode;
  private readonly traits: HostTraits;
  private readonly subnets: SubnetAllocator;
  private readonly templates: DiskTemplates;

  constructor(private readonly o: DockerDriverOptions) {
    this.docker = dockerFor(o.dockerHost);
    this.subnets = new SubnetAllocator(this.docker, o.subnetRange ?? "10.90.0.0/16");
    const ref = (n: string) => o.facts.images.find((i) => i.name === n)?.ref ?? `slipway/${n}:latest`;
    this.traits = {
      privileged: o.facts.privileged,
      cgroupVersion: o.facts.cgroupVersion,
      mirrorAddr: o.facts.mirror.sandboxAddr,
      engineImage: ref("engine"),
      workstationImage: ref("workstation"),
      diskQuota: o.facts.diskQuota?.supported === true,
    };
    this.templates = new DiskTemplates(
      join(o.cacheDir, "disk-templates"),
      o.facts.images.map((i) => i.ref),
    );
  }

  async health(): Promise<DriverHealth> {
    const version = await this.docker.version().then(
      (v) => v.Version,
      () => undefined,
    );
    const mirrorUp = await mirrorHealthy(this.o.facts.mirror);
    const images = await Promise.all(
      this.o.facts.images.map(async (i) => ({
        name: i.name,
        state: await this.docker
          .getImage(i.ref)
          .inspect()
          .then(
            () => "ready" as const,
            () => "missing" as const,
          ),
      })),
    );
    return {
      ok: version !== undefined && mirrorUp && images.every((i) => i.state === "ready"),
      engine: { version, privileged: this.o.facts.privileged },
      mirror: { state: mirrorUp ? "ready" : "down", url: `http://${this.o.facts.mirror.sandboxAddr}` },
      images,
    };
  }

  async create(spec: SandboxSpec, labels: Labels): Promise<SandboxRef> {
    const names = sandboxNames(spec.id);
    const map = toLabelMap(labels);
    const traits = { ...this.traits, diskQuota: this.traits.diskQuota && spec.diskGiB > 0 };
    try {
      const disk = traits.diskQuota
        ? await createSessionDisk(
            this.sandboxDir(spec.id),
            spec.diskGiB,
            await this.templates.for(spec, this.buildTemplate),
          )
        : undefined;
      for (const name of SERVER_DIRS) mkdirSync(this.onDisk(spec.id, name), { recursive: true });
      // Volumes still, so they carry labels: on a disk, they bind its folders.
      const bindTo = (device: string | undefined) =>
        device ? { Driver: "local", DriverOpts: { type: "none", o: "bind", device } } : {};
      await this.subnets.createNetwork({ Name: names.network, Driver: "bridge", Labels: map });
      await Promise.all([
        this.docker.createVolume({ Name: names.dockerVolume, Labels: map, ...bindTo(disk?.dockerDir) }),
        this.docker.createVolume({ Name: names.workVolume, Labels: map, ...bindTo(disk?.workDir) }),
      ]);
      const engine = await this.docker.createContainer(
        engineOptions(spec, names, map, traits, {
          engine: this.onDisk(spec.id, "engine"),
          tmp: disk?.tmpDir,
        }),
      );
      await engine.start();
      const ws = await this.docker.createContainer(
        workstationOptions(spec, names, map, traits, engine.id, {
          terms: this.onDisk(spec.id, "terms"),
          gateway: this.gatewayDir(spec.id),
        }),
      );
      await ws.start();
      return { id: spec.id, engine: engine.id, workstation: ws.id };
    } catch (e) {
      await this.destroy(spec.id).catch(() => undefined);
      throw new SlipwayError("unavailable", `could not create sandbox ${spec.id}: ${(e as Error).message}`);
    }
  }

  /** A throwaway sandbox pulls the images through its own engine (no gateway, so no learner's
   *  audit trail), stops as a pause does (dockerd shuts down cleanly), and leaves its disk. */
  private buildTemplate: BuildTemplate = async (spec, file) => {
    const id = `template-${randomBytes(6).toString("hex")}`;
    const labels = {
      instance: ephemeralInstance("disk-template"),
      session: id,
      lab: "disk-template",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    try {
      const ref = await this.create({ ...spec, id, images: [] }, labels);
      await this.waitReady(ref, 60_000);
      await Promise.all(
        spec.images.map(async (image) => {
          const r = await this.exec(ref, ["docker", "pull", "-q", image], {
            target: "engine",
            timeoutMs: 300_000,
          });
          if (r.exitCode !== 0) throw new Error(`pulling ${image} failed: ${(r.stderr || r.stdout).trim()}`);
        }),
      );
      const dir = this.sandboxDir(id);
      await pauseSandbox(this.docker, ref, {
        unmount: () => keepDiskAs(dir, file),
        mount: async () => false,
      });
    } finally {
      await this.destroy(id);
    }
  };

  async waitReady(ref: SandboxRef, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await pingEngine(() => this.connectEngine(ref)))) {
      if (Date.now() > deadline)
        throw new SlipwayError("timeout", `the sandbox engine did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  exec: SandboxDriver["exec"] = (ref, cmd, opts = {}) =>
    execIn(this.docker.getContainer(opts.target === "engine" ? ref.engine : ref.workstation), cmd, opts);

  openTty: SandboxDriver["openTty"] = (ref, opts) =>
    openDtachShell(
      {
        hostDir: this.onDisk(ref.id, "terms"),
        start: dtachStarter(this.docker.getContainer(ref.workstation)),
      },
      opts.name,
      opts,
    );

  putFiles: SandboxDriver["putFiles"] = (ref, files) =>
    putFiles(this.docker.getContainer(ref.workstation), files);

  readFile: SandboxDriver["readFile"] = (ref, path, maxBytes = 1024 * 1024) =>
    readFileFrom(this.docker.getContainer(ref.workstation), path, maxBytes);

  connectEngine = (ref: SandboxRef): Promise<Duplex> =>
    connectNoFollow(this.onDisk(ref.id, "engine"), "docker.sock");

  resolveEnginePaths: SandboxDriver["resolveEnginePaths"] = (ref, paths) =>
    resolveEnginePaths(() => connectNoFollow(this.onDisk(ref.id, "engine"), "resolve.sock"), paths);

  gatewayDir = (id: string): string => this.onDisk(id, "gateway");

  watch: SandboxDriver["watch"] = (ref, signal) =>
    watchSandbox(this.docker.getContainer(ref.workstation), () => this.connectEngine(ref), signal);

  async portEndpoint(ref: SandboxRef, port: number): Promise<{ host: string; port: number }> {
    const info = await this.docker.getContainer(ref.engine).inspect();
    const host = info.NetworkSettings.Networks[sandboxNames(ref.id).network]?.IPAddress;
    if (!host) throw new SlipwayError("unavailable", `sandbox ${ref.id} has no address`);
    return { host, port };
  }

  pause: SandboxDriver["pause"] = (ref) => pauseSandbox(this.docker, ref, this.disk(ref.id));

  resume: SandboxDriver["resume"] = (ref, timeoutMs) =>
    resumeSandbox(this.docker, ref, this.disk(ref.id), () => this.waitReady(ref, timeoutMs));

  restarting: SandboxDriver["restarting"] = async (ref) => {
    // One container a line, while engine-restart.sh is at work; the file is gone after.
    const r = await this.exec(ref, ["sh", "-c", `cat ${RESTARTING_LIST} 2>/dev/null | wc -l`], {
      target: "engine",
      timeoutMs: 10_000,
    });
    if (r.exitCode !== 0) throw new Error(`reading ${RESTARTING_LIST} failed: ${r.stderr.trim()}`);
    return Number(r.stdout.trim()) || 0;
  };
  listeningPorts: SandboxDriver["listeningPorts"] = (ref) =>
    listeningPorts(this.docker.getContainer(ref.engine));

  listManaged: SandboxDriver["listManaged"] = (selector = {}) => listLabelled(this.docker, selector);

  async destroy(id: string): Promise<void> {
    const bound = await removeLabelled(this.docker, id);
    // The disk's own folder, and, when reaping for a server with another state directory,
    // the one its volumes name (<sandbox>/disk/work → <sandbox>).
    const dirs = new Set([this.sandboxDir(id), ...bound.map((d) => dirname(dirname(d)))]);
    for (const dir of dirs) {
      await removeSessionDisk(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async storage(): Promise<StorageReport> {
    return storageReport(join(this.o.stateDir, "sandboxes"));
  }

  async prune(): Promise<number> {
    const claimed = new Set((await this.listManaged()).map((m) => m.id));
    return pruneSandboxDirs(join(this.o.stateDir, "sandboxes"), claimed, 10 * 60_000);
  }

  private disk(id: string): PauseDisk {
    const dir = this.sandboxDir(id);
    return { unmount: () => unmountSessionDisk(dir), mount: () => mountSessionDisk(dir) };
  }

  private sandboxDir(id: string): string {
    return join(this.o.stateDir, "sandboxes", id);
  }

  /** A folder the server uses (SERVER_DIRS): on the sandbox's disk when it has one. */
  private onDisk(id: string, name: (typeof SERVER_DIRS)[number]): string {
    const onDisk = join(this.sandboxDir(id), "disk", name);
    return existsSync(onDisk) ? onDisk : join(this.sandboxDir(id), name);
  }
}

function dockerFor(host: string | undefined): Dockerode {
  if (!host || host.startsWith("unix://"))
    return new Dockerode({ socketPath: host?.slice(7) ?? "/var/run/docker.sock" });
  const url = new URL(host.replace(/^tcp:/, "http:"));
  return new Dockerode({ host: url.hostname, port: Number(url.port || 2375) });
}
