// The summary of a call whose body the gateway read (see request-policy.ts): image, name and
// the CLI flags the body implies. Services, networks and volumes get their own flag lists.
import { at, entries, isSet, list, text } from "../policy/engine-json.ts";
import type { GoQuery } from "../policy/go-query.ts";
import type { BodyRoute } from "../policy/request-policy.ts";
import { containerFlags } from "./container-flags.ts";
import type { CallSummary } from "./path-summary.ts";

const when = (rules: ReadonlyArray<readonly [readonly string[], boolean]>) =>
  rules.filter(([, on]) => on).flatMap(([flags]) => flags);
// docker service create pins the image by digest: keep the name as the learner typed it.
const undigested = (image: string) => image.replace(/@sha256:[0-9a-f]+$/, "");

export function bodySummary(route: BodyRoute, body: unknown, fromPath: CallSummary, query: GoQuery) {
  const named = (name: string, image?: string, flags: string[] = []): CallSummary => ({
    ...(image ? { image } : {}),
    ...(name ? { name } : {}),
    flags,
  });
  switch (route) {
    case "container-create":
      return named(query.get("name") ?? "", text(at(body, "image")), containerFlags(body));
    case "exec-create":
      return named(fromPath.name ?? "", undefined, execFlags(body));
    case "service-create":
    case "service-update": {
      const image = text(at(body, "tasktemplate", "containerspec", "image"));
      return named(text(at(body, "name")) || (fromPath.name ?? ""), undigested(image), serviceFlags(body));
    }
    case "network-create":
      return named(text(at(body, "name")), undefined, networkFlags(body));
    case "volume-create":
      return named(text(at(body, "name")), undefined, volumeFlags(body));
    case "swarm-init":
    case "swarm-update":
      return named("", undefined, swarmFlags(body));
    case "container-start":
      return fromPath;
  }
}

const execFlags = (b: unknown) =>
  when([
    [["-d", "--detach"], isSet(at(b, "detach")) || !isSet(at(b, "attachstdout"))],
    [["-i", "--interactive"], isSet(at(b, "attachstdin"))],
    [["-t", "--tty"], isSet(at(b, "tty"))],
    [["-e", "--env"], isSet(at(b, "env"))],
    [["-u", "--user"], isSet(at(b, "user"))],
    [["-w", "--workdir"], isSet(at(b, "workingdir"))],
    [["--privileged"], isSet(at(b, "privileged"))],
  ]);

function serviceFlags(b: unknown): string[] {
  const task = at(b, "tasktemplate");
  const cs = at(task, "containerspec");
  return when([
    [["--replicas"], at(b, "mode", "replicated", "replicas") !== undefined],
    [["--mode"], isSet(at(b, "mode", "global")) || isSet(at(b, "mode", "replicatedjob"))],
    [["-p", "--publish"], isSet(at(b, "endpointspec", "ports"))],
    [["--network"], isSet(at(task, "networks")) || isSet(at(b, "networks"))],
    [["--mount"], isSet(at(cs, "mounts"))],
    [["-e", "--env"], isSet(at(cs, "env"))],
    [["--cap-add"], isSet(at(cs, "capabilityadd"))],
    [["--limit-memory"], isSet(at(task, "resources", "limits", "memorybytes"))],
    [["--limit-cpu"], isSet(at(task, "resources", "limits", "nanocpus"))],
    [["--reserve-memory"], isSet(at(task, "resources", "reservations", "memorybytes"))],
    [["--reserve-cpu"], isSet(at(task, "resources", "reservations", "nanocpus"))],
    [["--constraint"], isSet(at(task, "placement", "constraints"))],
    [["--restart-condition"], isSet(at(task, "restartpolicy", "condition"))],
  ]);
}

function networkFlags(b: unknown): string[] {
  const ipam = list(at(b, "ipam", "config"));
  return when([
    [["-d", "--driver"], !["", "bridge"].includes(text(at(b, "driver")))],
    [["--subnet"], ipam.some((c) => isSet(at(c, "subnet")))],
    [["--gateway"], ipam.some((c) => isSet(at(c, "gateway")))],
    [["--ip-range"], ipam.some((c) => isSet(at(c, "iprange")))],
    [["--internal"], isSet(at(b, "internal"))],
    [["--attachable"], isSet(at(b, "attachable"))],
    [["--ipv6"], isSet(at(b, "enableipv6"))],
    [["--ingress"], isSet(at(b, "ingress"))],
    [["-o", "--opt"], entries(at(b, "options")).length > 0],
    [["--label"], isSet(at(b, "labels"))],
  ]);
}

const volumeFlags = (b: unknown) =>
  when([
    [["-d", "--driver"], !["", "local"].includes(text(at(b, "driver")))],
    [["-o", "--opt"], isSet(at(b, "driveropts"))],
    [["--label"], isSet(at(b, "labels"))],
  ]);

const swarmFlags = (b: unknown) =>
  when([
    [["--advertise-addr"], isSet(at(b, "advertiseaddr"))],
    [["--data-path-addr"], isSet(at(b, "datapathaddr"))],
    [["--default-addr-pool"], isSet(at(b, "defaultaddrpool"))],
    [["--force-new-cluster"], isSet(at(b, "forcenewcluster"))],
    [["--autolock"], isSet(at(b, "spec", "encryptionconfig", "autolockmanagers"))],
  ]);
