// One host setup at a time per state directory: two `npm start`s, or a test run beside a
// dev server, would otherwise build and push the same images at once. The lock file holds
// the owner's pid, so a lock left by a killed process is taken over, not waited on forever.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Progress } from "./progress.ts";
import { processAlive } from "../../../util/process-alive.ts";

export async function withSetupLock<T>(
  stateDir: string,
  progress: Progress,
  work: () => Promise<T>,
): Promise<T> {
  const file = join(stateDir, "setup.lock");
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (!owner || !processAlive(owner)) {
        rmSync(file, { force: true });
        continue;
      }
      if (!told) progress.step(`waiting for another setup (pid ${owner}) to finish`);
      told = true;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
