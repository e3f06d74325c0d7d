// A sandbox on Docker is whatever carries its labels: containers, networks, volumes. Listing
// groups them by session; removal takes all of them, so nothing a crash half-made survives.
import type Dockerode from "dockerode";
import { LABEL, type Labels, fromLabelMap } from "../labels.ts";
import type { ManagedSandbox } from "../sandbox-driver.ts";
import { sandboxNames } from "./sandbox-containers.ts";

export async function listLabelled(docker: Dockerode, selector: Partial<Labels>): Promise<ManagedSandbox[]> {
  // Every selector key narrows the search: two servers on one engine must never see (and
  // reap) each other's sandboxes.
  const filters = {
    label: [
      `${LABEL.managed}=true`,
      ...Object.entries(selector).map(([k, v]) => `${LABEL[k as keyof Labels]}=${v}`),
    ],
  };
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
    docker.listVolumes({ filters }).then((v) => v.Volumes ?? []),
  ]);
  const byId = new Map<
    string,
    { labels: Partial<Labels>; containers: typeof containers; resources: number }
  >();
  const add = (labels: Record<string, string> | undefined) => {
    const l = fromLabelMap(labels);
    if (!l.session) return undefined;
    const entry = byId.get(l.session) ?? { labels: l, containers: [], resources: 0 };
    entry.resources++;
    byId.set(l.session, entry);
    return entry;
  };
  for (const c of containers) add(c.Labels)?.containers.push(c);
  for (const n of networks) add(n.Labels);
  for (const v of volumes) add(v.Labels);
  return [...byId.entries()].map(([id, e]) => {
    const names = sandboxNames(id);
    const engine = e.containers.find((c) => c.Names.includes(`/${names.engine}`));
    const ws = e.containers.find((c) => c.Names.includes(`/${names.workstation}`));
    return {
      id,
      labels: e.labels,
      ref: engine && ws ? { id, engine: engine.Id, workstation: ws.Id } : undefined,
      running: engine?.State === "running" && ws?.State === "running",
      resources: e.resources,
    };
  });
}

/** Removes them; returns the host folders their volumes bound (a sandbox disk's folders),
 *  which may lie in another server's state directory when this one reaps for it. */
export async function removeLabelled(docker: Dockerode, sessionId: string): Promise<string[]> {
  const filters = { label: [`${LABEL.managed}=true`, `${LABEL.session}=${sessionId}`] };
  const containers = await docker.listContainers({ all: true, filters });
  // Workstation first: it lives in the engine's network namespace.
  containers.sort((a) => (a.Names.some((n) => n.endsWith("-ws")) ? -1 : 1));
  for (const c of containers)
    await docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreMissing);
  for (const n of await docker.listNetworks({ filters }))
    await docker.getNetwork(n.Id).remove().catch(ignoreMissing);
  const volumes = (await docker.listVolumes({ filters })).Volumes ?? [];
  await Promise.all(
    volumes.map((v) => docker.getVolume(v.Name).remove({ force: true }).catch(ignoreMissing)),
  );
  return volumes.flatMap((v) => (v.Options?.device ? [v.Options.device] : []));
}

function ignoreMissing(e: { statusCode?: number }): void {
  if (e.statusCode !== 404 && e.statusCode !== 409) throw e;
}
