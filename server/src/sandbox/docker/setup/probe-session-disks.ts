// Can sandboxes get a loop-mounted disk of their own here? It takes root, loop devices and
// an engine on this machine (its bind mounts name host paths). A tiny real disk proves it.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createSessionDisk, removeSessionDisk } from "../session-disk.ts";

export async function probeSessionDisks(
  dockerHost: string | undefined,
  stateDir: string,
): Promise<{ supported: boolean; reason?: string }> {
  if (dockerHost && !dockerHost.startsWith("unix://"))
    return { supported: false, reason: `the engine at ${dockerHost} is not on this machine` };
  if (process.getuid?.() !== 0) return { supported: false, reason: "not running as root" };
  if (!existsSync("/dev/loop-control")) return { supported: false, reason: "no loop devices" };
  const dir = join(stateDir, "disk-probe");
  mkdirSync(dir, { recursive: true });
  try {
    await createSessionDisk(dir, 0.0625);
    return { supported: true };
  } catch (e) {
    return { supported: false, reason: `a test disk failed: ${(e as Error).message.split("\n")[0]}` };
  } finally {
    await removeSessionDisk(dir).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
