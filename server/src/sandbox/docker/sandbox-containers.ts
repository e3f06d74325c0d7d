// What a sandbox is made of on Docker, as pure create options so the shape is testable:
// a private network, an engine container with elevated rights, and an unprivileged
// workstation sharing the engine's network namespace and the workspace volume.
import type { ContainerCreateOptions } from "dockerode";
import { WORKSPACE } from "../learner-paths.ts";
import type { SandboxSpec } from "../sandbox-driver.ts";

export const TERMS_DIR = "/run/slipway-terms";

// Every writable path of both containers is on the sandbox's disk or in memory with a size:
// read-only roots, and these tmpfs for what the programs there must write.
const ENGINE_TMPFS = {
  "/run": "rw,nosuid,nodev,size=64m,mode=755",
  "/etc/docker": "rw,nosuid,nodev,size=1m",
};
const WORKSTATION_TMPFS = {
  "/tmp": "rw,nosuid,size=256m,mode=1777",
  "/var/tmp": "rw,nosuid,size=64m,mode=1777",
};
// Docker's defaults, and the block devices: sysfs is not namespaced, and the loop devices'
// backing files name host folders and other sessions' ids.
const WORKSTATION_MASKED = [
  ...[
    "asound",
    "acpi",
    "kcore",
    "keys",
    "latency_stats",
    "timer_list",
    "timer_stats",
    "sched_debug",
    "scsi",
  ].map((p) => `/proc/${p}`),
  "/sys/firmware",
  "/sys/devices/virtual/block",
];

export interface SandboxNames {
  readonly network: string;
  readonly engine: string;
  readonly workstation: string;
  readonly dockerVolume: string;
  readonly workVolume: string;
}

export const sandboxNames = (id: string): SandboxNames => ({
  network: `slipway-${id}`,
  engine: `slipway-${id}-engine`,
  workstation: `slipway-${id}-ws`,
  dockerVolume: `slipway-${id}-docker`,
  workVolume: `slipway-${id}-work`,
});

export interface HostTraits {
  readonly privileged: boolean;
  readonly cgroupVersion: "1" | "2";
  readonly mirrorAddr: string | undefined;
  readonly engineImage: string;
  readonly workstationImage: string;
  /** Sandboxes get a disk of their own (see session-disk.ts). */
  readonly diskQuota: boolean;
}

// The capability form of --privileged, for hosts whose bounding set lacks CAP_SYS_RESOURCE.
const ELEVATED_WITHOUT_PRIVILEGED = {
  CapAdd: ["ALL"],
  CapDrop: ["SYS_RESOURCE"],
  SecurityOpt: ["seccomp=unconfined", "apparmor=unconfined"],
  // The API spelling of --security-opt systempaths=unconfined.
  MaskedPaths: [],
  ReadonlyPaths: [],
  DeviceCgroupRules: ["a *:* rwm"],
};

export function engineOptions(
  spec: SandboxSpec,
  names: SandboxNames,
  labels: Record<string, string>,
  host: HostTraits,
  dirs: { readonly engine: string; readonly tmp: string | undefined },
): ContainerCreateOptions {
  const binds = [
    `${names.dockerVolume}:/var/lib/docker`,
    `${names.workVolume}:${WORKSPACE}`,
    `${dirs.engine}:/run/slipway-engine`,
  ];
  // The learner may bind /tmp into their containers: keep it on the sandbox's own disk.
  if (dirs.tmp) binds.push(`${dirs.tmp}:/tmp`);
  // cgroup v1: the engine needs the host's cgroup tree writable for OOMKilled to be reported;
  // its entrypoint nests learner containers under the sandbox's own cgroup (see ARCHITECTURE.md).
  if (host.cgroupVersion === "1") binds.push("/sys/fs/cgroup:/sys/fs/cgroup:rw");
  return {
    name: names.engine,
    Image: host.engineImage,
    Hostname: "sandbox",
    Labels: labels,
    Env: host.mirrorAddr ? [`SLIPWAY_MIRROR=${host.mirrorAddr}`] : [],
    HostConfig: {
      ...(host.privileged ? { Privileged: true } : ELEVATED_WITHOUT_PRIVILEGED),
      CgroupnsMode: host.cgroupVersion === "1" ? "host" : "private",
      NetworkMode: names.network,
      Binds: binds,
      Memory: spec.memoryMiB * 1024 * 1024,
      MemorySwap: spec.memoryMiB * 1024 * 1024,
      NanoCpus: Math.round(spec.cpus * 1e9),
      PidsLimit: spec.pids,
      // dockerd as PID 1 would not reap the containerd shims it orphans: zombies piled up.
      Init: true,
      ReadonlyRootfs: host.diskQuota,
      Tmpfs: host.diskQuota ? ENGINE_TMPFS : {},
      RestartPolicy: { Name: "no" },
    },
    // @types/dockerode lacks CgroupnsMode (API 1.41), hence the cast.
  } as unknown as ContainerCreateOptions;
}

export function workstationOptions(
  spec: SandboxSpec,
  names: SandboxNames,
  labels: Record<string, string>,
  host: HostTraits,
  engineId: string,
  dirs: { readonly terms: string; readonly gateway: string },
): ContainerCreateOptions {
  return {
    name: names.workstation,
    Image: host.workstationImage,
    Labels: labels,
    Env: ["DOCKER_HOST=unix:///run/slipway/docker.sock"],
    WorkingDir: WORKSPACE,
    HostConfig: {
      // Default capabilities only: the learner's shell never holds the engine's rights.
      NetworkMode: `container:${engineId}`,
      Binds: [
        `${names.workVolume}:${WORKSPACE}`,
        // Read-only: the learner only connects to the socket there, and a writable host
        // folder would be disk outside the sandbox's quota.
        `${dirs.gateway}:/run/slipway:ro`,
        // The terminals' dtach sockets, where the server attaches from the host.
        `${dirs.terms}:${TERMS_DIR}`,
      ],
      Init: true,
      // Read-only system, so a learner's writes land on the sandbox's disk (workspace) or in
      // memory (/tmp): the container layer lives on the host's disk, with no quota.
      ReadonlyRootfs: host.diskQuota,
      Tmpfs: host.diskQuota ? WORKSTATION_TMPFS : {},
      MaskedPaths: WORKSTATION_MASKED,
      Memory: Math.min(512, spec.memoryMiB) * 1024 * 1024,
      NanoCpus: Math.round(spec.cpus * 1e9),
      PidsLimit: Math.max(64, Math.floor(spec.pids / 4)),
      SecurityOpt: ["no-new-privileges"],
    },
  };
}
