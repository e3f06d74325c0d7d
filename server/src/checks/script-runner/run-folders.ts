// Where checker processes run: one root folder per server process in the OS temp folder,
// named by its pid so that a later process sweeps up after one killed with -9, and inside it
// one folder per checker process (its bundle, and the scratch folder it may write).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";

const PREFIX = "slipway-checkers-";

export interface RunFolder {
  /** The checker process may read here. */
  readonly runDir: string;
  /** And write here (inside runDir). */
  readonly scratch: string;
}

export class RunFolders {
  private rootDir: string | undefined;

  constructor(private readonly base: string) {}

  /** Exists once a folder has been made. */
  get root(): string | undefined {
    return this.rootDir;
  }

  async make(): Promise<RunFolder> {
    if (!this.rootDir) {
      sweepOrphans(this.base);
      this.rootDir = mkdtempSync(join(this.base, `${PREFIX}${process.pid}-`));
    }
    const runDir = await mkdtemp(join(this.rootDir, "run-"));
    const scratch = join(runDir, "scratch");
    await mkdir(scratch);
    return { runDir, scratch };
  }

  remove(f: RunFolder): Promise<void> {
    return rm(f.runDir, { recursive: true, force: true });
  }

  /** Synchronous, so it can run as the process exits. */
  removeAll(): void {
    if (this.rootDir) rmSync(this.rootDir, { recursive: true, force: true });
    this.rootDir = undefined;
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
