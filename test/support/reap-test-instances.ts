// Test apps are instances of their own (test-<pid>-<time>), so no reconciler reaps what a
// killed test run left behind. Before a run, remove every resource of a test instance whose
// process is gone; runs that are still alive (another suite on this machine) are left alone.
import { execFileSync } from "node:child_process";
import { processAlive } from "../../server/src/util/process-alive.ts";

const docker = (args: string[]) => execFileSync("docker", args).toString().trim().split("\n").filter(Boolean);

export function reapDeadTestInstances(): number {
  const instanceOf = (kind: string[], fmt: string) =>
    docker([...kind, "--filter", "label=io.slipway.managed=true", "--format", fmt]).map((l) => l.split(" "));
  const dead = (instance: string | undefined) => {
    const pid = /^test-(\d+)-/.exec(instance ?? "")?.[1];
    return pid !== undefined && !processAlive(Number(pid));
  };
  const label = '{{.Label "io.slipway.instance"}}';
  const containers = instanceOf(["ps", "-a"], `{{.ID}} ${label}`).filter(([, i]) => dead(i));
  const networks = instanceOf(["network", "ls"], `{{.ID}} ${label}`).filter(([, i]) => dead(i));
  const volumes = instanceOf(["volume", "ls"], `{{.Name}} ${label}`).filter(([, i]) => dead(i));
  // Workstations first: they live in their engine's network namespace.
  const ordered = [...containers].sort(([a]) => (a?.endsWith("-ws") ? -1 : 1));
  if (ordered.length) docker(["rm", "-f", "-v", ...ordered.map(([id]) => id ?? "")]);
  if (networks.length) docker(["network", "rm", ...networks.map(([id]) => id ?? "")]);
  if (volumes.length) docker(["volume", "rm", "-f", ...volumes.map(([id]) => id ?? "")]);
  return containers.length + networks.length + volumes.length;
}
