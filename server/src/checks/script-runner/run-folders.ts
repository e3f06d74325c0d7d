// Where checker processes run: a folder per process in the OS temp folder, its working
// directory, holding its bundled checker and whatever it writes. The folder exists before
// the process starts: Node's permission model takes a path that does not exist at startup for
// a file, so a folder made later would stay out of reach. A process whose server went away
// removes its own folder; names carry the server's pid, so a later server also sweeps up
// after one killed together with its checkers, and never touches those of a live server.
import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { handOver } from "./checker-isolation.ts";

const PREFIX = "slipway-checker-";

export class RunFolders {
  private swept = false;
  private readonly made = new Set<string>();

  constructor(private readonly base: string) {}

  /** Folders made and not yet removed. */
  get current(): readonly string[] {
    return [...this.made];
  }

  /** A new folder under a fresh name (a folder someone else made is never used). */
  async make(): Promise<string> {
    if (!this.swept) sweepOrphans(this.base);
    this.swept = true;
    const dir = join(this.base, `${PREFIX}${process.pid}-${randomBytes(9).toString("base64url")}`);
    // Known before it exists: a removeAll() while it is being made still takes it (and then
    // the handover fails, so the caller gets no folder).
    this.made.add(dir);
    await mkdir(dir, { mode: 0o700 });
    await handOver(dir);
    return dir;
  }

  async remove(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
    this.made.delete(dir);
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
