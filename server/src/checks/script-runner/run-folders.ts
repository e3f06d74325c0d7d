// Where checker processes run: a folder per process in the OS temp folder, holding its
// bundled checker and the scratch folder it may write. The folder exists before the process
// starts: Node's permission model takes a path that does not exist at startup for a file, so
// a folder made later would stay out of reach. Names carry the server's pid: a later server
// sweeps up after one killed with -9, and never touches those of a server still running.
import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";

const PREFIX = "slipway-checker-";

export interface RunFolder {
  /** The checker process may read here. */
  readonly runDir: string;
  /** And write here (inside runDir). */
  readonly scratch: string;
}

export class RunFolders {
  private swept = false;
  private readonly made = new Set<string>();

  constructor(private readonly base: string) {}

  /** Folders made and not yet removed. */
  get current(): readonly string[] {
    return [...this.made];
  }

  /** A new folder under a fresh name (a folder someone else made is never used). */
  async make(): Promise<RunFolder> {
    if (!this.swept) sweepOrphans(this.base);
    this.swept = true;
    const runDir = join(this.base, `${PREFIX}${process.pid}-${randomBytes(9).toString("base64url")}`);
    await mkdir(runDir, { mode: 0o700 });
    this.made.add(runDir);
    const scratch = join(runDir, "scratch");
    await mkdir(scratch);
    return { runDir, scratch };
  }

  async remove(f: RunFolder): Promise<void> {
    await rm(f.runDir, { recursive: true, force: true });
    this.made.delete(f.runDir);
  }

  /** Synchronous, so it can run as the process exits. */
  removeAll(): void {
    for (const dir of this.made) rmSync(dir, { recursive: true, force: true });
    this.made.clear();
  }
}

function sweepOrphans(base: string): void {
  for (const name of readdirSync(base)) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (pid && !alive(pid)) rmSync(join(base, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
