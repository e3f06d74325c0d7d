// Adapts a loaded Lab to what the session manager needs (SessionLab). Files and scripts are
// read when a session starts, so an edited lab (lab dev) takes effect on the next session.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { SandboxFile } from "../sandbox/sandbox-driver.ts";
import type { SessionLab } from "../sessions/lab-provider.ts";
import type { Lab } from "./lab.ts";

export interface SessionLabOptions {
  /** Run the setup script when the session starts (lab test runs it itself, to report it). */
  readonly setup: boolean;
}

export async function toSessionLab(lab: Lab, o: SessionLabOptions): Promise<SessionLab> {
  const setup = o.setup && lab.setup ? await readFile(lab.setup, "utf8") : undefined;
  return {
    id: lab.id,
    ...(lab.sandbox.timeLimitMs !== undefined ? { timeLimitMs: lab.sandbox.timeLimitMs } : {}),
    ...(Object.keys(lab.sandbox.limits).length ? { limits: lab.sandbox.limits } : {}),
    images: lab.sandbox.images,
    files: () => (lab.filesDir ? readTree(lab.filesDir) : Promise.resolve([])),
    ...(setup !== undefined ? { setup } : {}),
    policy: lab.sandbox.policy,
  };
}

/** Every file under dir, with its mode, so an executable script stays executable. */
async function readTree(dir: string, root = dir): Promise<SandboxFile[]> {
  const out: SandboxFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(abs, root)));
    else if (entry.isFile())
      out.push({
        path: relative(root, abs),
        content: await readFile(abs),
        mode: (await stat(abs)).mode & 0o777,
      });
  }
  return out;
}
