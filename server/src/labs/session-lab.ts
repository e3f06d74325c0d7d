// Adapts a loaded Lab to what the session manager needs (SessionLab). Files and scripts are
// read when a session starts, so an edited lab (lab dev) takes effect on the next session;
// a lab with variables is rendered for that session first (bind).
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { SandboxFile } from "../sandbox/sandbox-driver.ts";
import type { SessionLab } from "../sessions/lab-provider.ts";
import type { Lab } from "./lab.ts";
import { render } from "./variables/template.ts";
import { readLabText } from "./variables/read-lab-text.ts";

export interface SessionLabOptions {
  /** Run the setup script when the session starts (lab test runs it itself, to report it). */
  readonly setup: boolean;
}

/** The lab as one session sees it (its variables drawn from its id). */
export type BindLab = (lab: Lab, sessionId: string) => Promise<Lab>;

export function toSessionLab(lab: Lab, o: SessionLabOptions, bind: BindLab): SessionLab {
  return {
    id: lab.id,
    ...(lab.sandbox.timeLimitMs !== undefined ? { timeLimitMs: lab.sandbox.timeLimitMs } : {}),
    ...(Object.keys(lab.sandbox.limits).length ? { limits: lab.sandbox.limits } : {}),
    images: lab.sandbox.images,
    async contents(sessionId) {
      const bound = await bind(lab, sessionId);
      const files = bound.filesDir ? await readTree(bound, bound.filesDir) : [];
      const setup = o.setup && bound.setup ? await readLabText(bound, bound.setup) : undefined;
      return { files, ...(setup !== undefined ? { setup } : {}) };
    },
    policy: lab.sandbox.policy,
  };
}

/** Every file under dir, with its mode, so an executable script stays executable; text files
 *  (no NUL byte) rendered with the session's variables. */
async function readTree(lab: Lab, dir: string, root = dir): Promise<SandboxFile[]> {
  const out: SandboxFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(lab, abs, root)));
    else if (entry.isFile()) {
      const raw = await readFile(abs);
      const text =
        lab.variant && !raw.includes(0) ? Buffer.from(render(raw.toString("utf8"), lab.variant)) : raw;
      out.push({ path: relative(root, abs), content: text, mode: (await stat(abs)).mode & 0o777 });
    }
  }
  return out;
}
