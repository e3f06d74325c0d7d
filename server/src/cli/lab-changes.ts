// What an edit of a lab means for a running `lab dev` session. A sandbox is built from some
// parts of a lab only when it starts (images, limits, policy, time limit, setup, files/):
// an edit there leaves the running sandbox stale, so it must be named, never ignored. And a
// passed step stays passed across a reload when it is sticky and its checks are unchanged,
// as it would for a learner; a step whose checks changed is a new step and is judged again.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { builtinChecks } from "../checks/check-registry.ts";
import type { Lab, Step } from "../labs/lab.ts";

/** Each part a sandbox is built from, with a digest of what it holds. */
export type SandboxPrint = Readonly<Record<string, string>>;

const digest = (...parts: (string | Buffer)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
};
const content = (file: string) => readFile(file).catch(() => Buffer.from("(unreadable)"));

async function tree(dir: string | undefined, root = dir): Promise<string[]> {
  if (!dir) return [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await tree(abs, root)));
    else out.push(abs.slice((root as string).length), digest(await content(abs)));
  }
  return out;
}

export async function sandboxPrint(lab: Lab): Promise<SandboxPrint> {
  return {
    "sandbox.images": digest(JSON.stringify(lab.sandbox.images)),
    "sandbox.limits": digest(JSON.stringify(lab.sandbox.limits)),
    "sandbox.policy": digest(JSON.stringify(lab.sandbox.policy)),
    "sandbox.timeLimit": digest(String(lab.sandbox.timeLimitMs)),
    setup: digest(lab.setup ? await content(lab.setup) : ""),
    "files/": digest(...(await tree(lab.filesDir))),
  };
}

/** The parts that differ: a new sandbox is needed for them to take effect. */
export function staleParts(running: SandboxPrint, edited: SandboxPrint): string[] {
  return Object.keys(edited).filter((part) => running[part] !== edited[part]);
}

/** A step's checks as they would run: their specs and the files they run (script checks). */
async function checksPrint(lab: Lab, step: Step): Promise<string> {
  const files = step.checks.flatMap((c) => builtinChecks.get(c.type)?.files?.(c.spec, lab.dir) ?? []);
  return digest(JSON.stringify(step.checks), ...(await Promise.all(files.map(content))));
}

/** Passed steps of `before` that stay passed in `after`: sticky there, with the same checks. */
export async function stepsToKeep(
  before: Lab,
  after: Lab,
  passed: ReadonlySet<string>,
): Promise<Set<string>> {
  const keep = new Set<string>();
  for (const step of after.steps) {
    const old = before.steps.find((s) => s.id === step.id);
    if (!old || !passed.has(step.id) || !step.sticky) continue;
    if ((await checksPrint(before, old)) === (await checksPrint(after, step))) keep.add(step.id);
  }
  return keep;
}
