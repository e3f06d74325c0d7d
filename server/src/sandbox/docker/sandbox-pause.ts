// Pause and resume on Docker. A paused sandbox is two stopped containers and a disk image that
// is not mounted: no process, no page cache, no loop device. Everything the learner made is on
// that image (the nested engine's /var/lib/docker, the workspace, /tmp), so resuming mounts it
// again and starts the same two containers: the nested dockerd comes back with its images,
// volumes and containers, restarts those with a restart policy, and leaves the rest stopped,
// as after a laptop's reboot. It answers before those restarts (the engine image's
// engine-restart.sh does them just after), so a resume waits for the engine, not for them.
import type Dockerode from "dockerode";
import { SlipwayError } from "../../errors.ts";
import type { SandboxRef } from "../sandbox-driver.ts";
import { execIn } from "./docker-exec.ts";

/** dockerd stops the learner's containers on SIGTERM, each within its own stop timeout (10 s
 *  by default), and MySQL flushes its tables then: give it all of that. */
const ENGINE_STOP_S = 30;
const WORKSTATION_STOP_S = 3;

export interface PauseDisk {
  unmount(): Promise<void>;
  /** False when the sandbox has no disk of its own. */
  mount(): Promise<boolean>;
}

export async function pauseSandbox(docker: Dockerode, ref: SandboxRef, disk: PauseDisk): Promise<void> {
  const ws = docker.getContainer(ref.workstation);
  if (await isRunning(ws, ref))
    // bash writes its history on SIGHUP, so the learner's shells come back with it.
    await execIn(ws, ["sh", "-c", "pkill -HUP -x bash; sleep 0.2; true"], { timeoutMs: 5000 }).catch(
      () => undefined,
    );
  await stop(ws, ref, WORKSTATION_STOP_S);
  await stop(docker.getContainer(ref.engine), ref, ENGINE_STOP_S);
  await disk.unmount();
}

export async function resumeSandbox(
  docker: Dockerode,
  ref: SandboxRef,
  disk: PauseDisk,
  engineReady: () => Promise<void>,
): Promise<void> {
  await disk.mount();
  // The workstation lives in the engine's network namespace: the engine first. Its dockerd
  // takes the longest (containerd, networks, loading containers), so the workstation starts
  // meanwhile.
  await start(docker.getContainer(ref.engine), ref);
  await Promise.all([start(docker.getContainer(ref.workstation), ref), engineReady()]);
}

async function isRunning(c: Dockerode.Container, ref: SandboxRef): Promise<boolean> {
  try {
    return (await c.inspect()).State.Running;
  } catch (e) {
    throw vanished(e, ref);
  }
}

async function stop(c: Dockerode.Container, ref: SandboxRef, seconds: number): Promise<void> {
  await c.stop({ t: seconds }).catch((e: { statusCode?: number }) => {
    if (e.statusCode !== 304) throw vanished(e, ref); // 304: already stopped
  });
}

async function start(c: Dockerode.Container, ref: SandboxRef): Promise<void> {
  await c.start().catch((e: { statusCode?: number }) => {
    if (e.statusCode !== 304) throw vanished(e, ref); // 304: already running
  });
}

function vanished(e: unknown, ref: SandboxRef): Error {
  const code = (e as { statusCode?: number }).statusCode;
  if (code === 404) return new SlipwayError("not-found", `sandbox ${ref.id} is gone`);
  return new SlipwayError("unavailable", `sandbox ${ref.id}: ${(e as Error).message}`);
}
