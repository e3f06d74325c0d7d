// A sandbox's disk: a sparse ext4 image, loop-mounted on the host, that holds the nested
// engine's /var/lib/docker, its /tmp and the workspace. Filling it gives the learner "No
// space left on device" as on a real laptop, and never the host. Docker's overlay2 has no
// per-volume quota on ext4, and this kernel has no XFS quota, so the filesystem is the quota.
import { execFile } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  statfsSync,
} from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { StorageReport } from "../sandbox-driver.ts";

const run = promisify(execFile);

export interface SessionDisk {
  /** Where it is mounted on the host. */
  readonly mount: string;
  readonly dockerDir: string;
  readonly workDir: string;
  readonly tmpDir: string;
}

/** Folders of a sandbox's disk that the server uses (terminal, engine and gateway sockets).
 *  On the disk, so nothing of a sandbox's is on the host's own disk, and no host path shows
 *  in the sandbox's mount table. */
export const SERVER_DIRS = ["terms", "engine", "gateway"] as const;

const paths = (sandboxDir: string) => {
  const mount = join(sandboxDir, "disk");
  return {
    image: join(sandboxDir, "disk.img"),
    mount,
    dockerDir: join(mount, "docker"),
    workDir: join(mount, "work"),
    tmpDir: join(mount, "tmp"),
  };
};

export function isMounted(path: string): boolean {
  return readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .some((l) => l.split(" ")[1] === path);
}

/** A new disk: empty, or a copy of a template (a disk of the same size, see disk-templates.ts). */
export async function createSessionDisk(
  sandboxDir: string,
  sizeGiB: number,
  template?: string,
): Promise<SessionDisk> {
  const p = paths(sandboxDir);
  mkdirSync(p.mount, { recursive: true });
  // The image holds the learner's every byte: the host's other users have no business there.
  chmodSync(sandboxDir, 0o700);
  if (!isMounted(p.mount)) {
    if (template) await run("cp", ["--sparse=always", template, p.image]);
    else {
      await run("truncate", ["-s", `${Math.round(sizeGiB * 1024)}M`, p.image]);
      // No reserved blocks: the whole quota is the learner's. Lazy init keeps mkfs in milliseconds.
      await run("mkfs.ext4", [
        "-q",
        "-F",
        "-m",
        "0",
        "-E",
        "lazy_itable_init=1,lazy_journal_init=1",
        p.image,
      ]);
    }
    await mountLoop(p.image, p.mount);
  }
  for (const d of [p.dockerDir, p.workDir, ...SERVER_DIRS.map((n) => join(p.mount, n))])
    mkdirSync(d, { recursive: true });
  mkdirSync(p.tmpDir, { recursive: true, mode: 0o1777 });
  await run("chmod", ["1777", p.tmpDir]);
  return p;
}

// nosuid,nodev: the learner is root on this disk and may leave a set-user-ID shell or a
// device node for the host's own disk on it. Every bind of this mount (the engine's volumes,
// the workstation's workspace) inherits both flags, so neither works for anyone on the host,
// whichever path reaches it (test/sandbox-isolation.test.ts). Inside the sandbox nothing
// needs them: containers run from overlay mounts of their own, and /dev is a tmpfs.
//
// Two processes setting up loop devices at once can pick the same free one; the loser's
// mount fails. Seen when test runs and a server start sandboxes together: retry.
async function mountLoop(image: string, mount: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run("mount", ["-o", "loop,nosuid,nodev", image, mount]);
      return;
    } catch (e) {
      if (attempt >= 5) throw new Error(`mount ${image}: ${(e as { stderr?: string }).stderr?.trim() || e}`);
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
}

/** Unmounts (lazily if still busy) and deletes the image. Idempotent. */
export async function removeSessionDisk(sandboxDir: string): Promise<void> {
  const p = paths(sandboxDir);
  if (isMounted(p.mount)) await run("umount", [p.mount]).catch(() => run("umount", ["-l", p.mount]));
  rmSync(p.image, { force: true });
}

/** A paused sandbox keeps its image but no mount or loop device. A lazy unmount would leave
 *  the image in use behind our back, so a busy disk is retried, then reported. Idempotent. */
export async function unmountSessionDisk(sandboxDir: string): Promise<void> {
  const p = paths(sandboxDir);
  for (let attempt = 1; isMounted(p.mount); attempt++) {
    try {
      await run("umount", [p.mount]);
    } catch (e) {
      if (attempt >= 20)
        throw new Error(`unmount ${p.mount}: ${(e as { stderr?: string }).stderr?.trim() || e}`);
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** Keeps a stopped sandbox's disk as a template at `file`: the engine's store only, since a
 *  new sandbox's server folders, workspace and /tmp start empty. The sandbox is left diskless. */
export async function keepDiskAs(sandboxDir: string, file: string): Promise<void> {
  const p = paths(sandboxDir);
  for (const name of readdirSync(p.mount))
    if (name !== "docker" && name !== "lost+found")
      rmSync(join(p.mount, name), { recursive: true, force: true });
  await unmountSessionDisk(sandboxDir);
  renameSync(p.image, file);
}

/** Mounts a kept image again (resume); false when the sandbox never had a disk. Idempotent. */
export async function mountSessionDisk(sandboxDir: string): Promise<boolean> {
  const p = paths(sandboxDir);
  if (!existsSync(p.image)) return false;
  mkdirSync(p.mount, { recursive: true });
  if (!isMounted(p.mount)) await mountLoop(p.image, p.mount);
  return true;
}

/** Bytes the image really occupies on the host (it is sparse), or 0 when there is none. */
export function diskUsedBytes(sandboxDir: string): number {
  const image = paths(sandboxDir).image;
  return existsSync(image) ? statSync(image).blocks * 512 : 0;
}

/** Host free space where the disks live, and each sandbox's real use. */
export function storageReport(sandboxesRoot: string): StorageReport {
  const ids = existsSync(sandboxesRoot) ? readdirSync(sandboxesRoot) : [];
  const fs = statfsSync(existsSync(sandboxesRoot) ? sandboxesRoot : "/");
  return {
    hostFreeBytes: fs.bavail * fs.bsize,
    hostTotalBytes: fs.blocks * fs.bsize,
    sandboxes: ids.map((id) => ({ id, usedBytes: diskUsedBytes(join(sandboxesRoot, id)) })),
  };
}

/** Removes sandbox folders (and disks) that no Docker resource claims; returns how many.
 *  The age guard keeps it off a sandbox that another server is creating right now. */
export async function pruneSandboxDirs(
  sandboxesRoot: string,
  claimed: ReadonlySet<string>,
  minAgeMs: number,
): Promise<number> {
  if (!existsSync(sandboxesRoot)) return 0;
  let removed = 0;
  for (const id of readdirSync(sandboxesRoot)) {
    const dir = join(sandboxesRoot, id);
    if (claimed.has(id) || Date.now() - statSync(dir).mtimeMs < minAgeMs) continue;
    await removeSessionDisk(dir);
    rmSync(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
