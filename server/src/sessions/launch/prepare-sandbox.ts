// Makes a new sandbox the lab's: its files in the workspace, its images pulled from the
// mirror, its setup script run, all before the learner gets control. A lab with variables
// renders its files and setup with the values this session draws (its id is the seed).
import type { StartStep } from "../../../../common/session-view.ts";
import type { SandboxDriver, SandboxFile, SandboxRef } from "../../sandbox/sandbox-driver.ts";
import type { SessionLab } from "../lab-provider.ts";

export interface LabContents {
  readonly files: readonly SandboxFile[];
  readonly setup?: string;
}

/** The steps prepareSandbox takes for this lab, in order. */
export const prepareSteps = (lab: SessionLab, c: LabContents): StartStep[] => [
  ...(c.files.length > 0 ? (["files"] as const) : []),
  ...(lab.images.length > 0 ? (["images"] as const) : []),
  ...(c.setup ? (["setup"] as const) : []),
];

export async function prepareSandbox(
  driver: Pick<SandboxDriver, "putFiles" | "exec">,
  ref: SandboxRef,
  lab: SessionLab,
  { files, setup }: LabContents,
  onStep: (step: StartStep) => void = () => undefined,
): Promise<void> {
  if (files.length > 0) {
    onStep("files");
    await driver.putFiles(ref, files);
  }
  // Side by side: each pull waits mostly on the mirror and on unpacking, not on the others.
  // In the engine's own container, not through the gateway: the learner did not pull these,
  // so their audit trail (and a history check) must not say so. From a disk template the
  // images are there already and a pull only asks the mirror.
  if (lab.images.length > 0) onStep("images");
  await Promise.all(
    lab.images.map(async (image) => {
      const r = await driver.exec(ref, ["docker", "pull", "-q", image], {
        target: "engine",
        timeoutMs: 300_000,
      });
      if (r.exitCode !== 0) throw new Error(`pulling ${image} failed: ${(r.stderr || r.stdout).trim()}`);
    }),
  );
  if (!setup) return;
  onStep("setup");
  const r = await driver.exec(ref, ["bash", "-c", setup], { timeoutMs: 300_000 });
  if (r.exitCode !== 0)
    throw new Error(
      `lab setup exited ${r.exitCode ?? "by timeout"}:\n${(r.stdout + r.stderr).trim().slice(-4000)}`,
    );
}
