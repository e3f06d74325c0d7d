// Makes a new sandbox the lab's: its files in the workspace, its images pulled from the
// mirror, its setup script run, all before the learner gets control.
import type { SandboxDriver, SandboxRef } from "../../sandbox/sandbox-driver.ts";
import type { SessionLab } from "../lab-provider.ts";

export async function prepareSandbox(
  driver: Pick<SandboxDriver, "putFiles" | "exec">,
  ref: SandboxRef,
  lab: SessionLab,
): Promise<void> {
  const files = await lab.files();
  if (files.length > 0) await driver.putFiles(ref, files);
  for (const image of lab.images) {
    const r = await driver.exec(ref, ["docker", "pull", "-q", image], { timeoutMs: 300_000 });
    if (r.exitCode !== 0) throw new Error(`pulling ${image} failed: ${(r.stderr || r.stdout).trim()}`);
  }
  if (!lab.setup) return;
  const r = await driver.exec(ref, ["bash", "-c", lab.setup], { timeoutMs: 300_000 });
  if (r.exitCode !== 0)
    throw new Error(
      `lab setup exited ${r.exitCode ?? "by timeout"}:\n${(r.stdout + r.stderr).trim().slice(-4000)}`,
    );
}
