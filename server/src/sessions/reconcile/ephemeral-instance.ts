// Short-lived Slipway instances (`lab test`, `lab dev`, test runs) own their sandboxes through
// a name that says which process on which host made them. Their own cleanup stops everything
// they started, but a kill -9 leaves the sandboxes with no owner, and no reconciler reaps
// another instance's resources: any Slipway on the same host removes them once the process
// is gone. Server instances (hashes of their database path) never match.
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import type { SandboxDriver } from "../../sandbox/sandbox-driver.ts";
import { processAlive } from "../../util/process-alive.ts";

const HOST = createHash("sha256").update(hostname()).digest("hex").slice(0, 6);
const PATTERN = /^[a-z][a-z0-9-]*?-(\d+)-[0-9a-z]+-h([0-9a-f]{6})$/;

export function ephemeralInstance(kind: string): string {
  return `${kind}-${process.pid}-${Date.now().toString(36)}-h${HOST}`;
}

/** The pid of the process on this host that owns the instance, if it is an ephemeral one. */
export function ownerPid(instance: string | undefined): number | undefined {
  const m = PATTERN.exec(instance ?? "");
  return m?.[1] && m[2] === HOST ? Number(m[1]) : undefined;
}

/** Destroys the sandboxes of ephemeral instances whose process is gone; returns how many. */
export async function reapDeadInstances(
  driver: Pick<SandboxDriver, "listManaged" | "destroy">,
): Promise<number> {
  let reaped = 0;
  for (const m of await driver.listManaged()) {
    const pid = ownerPid(m.labels.instance);
    if (pid === undefined || processAlive(pid)) continue;
    await driver.destroy(m.id);
    reaped++;
  }
  return reaped;
}
