// Swarm services run their tasks on the learner's engine, so a service spec is held to the
// container rules that swarm can express: mounts, added capabilities, sysctls, unconfined
// security profiles, and plugin runtimes (which install a plugin).
import { unsafeCapability } from "./capability-policy.ts";
import type { Denial } from "./denial.ts";
import { at, entries, isSet, list, text } from "./engine-json.ts";
import { checkMountUses } from "./mount-policy.ts";
import { type MountUse, mountsOf } from "./mount-uses.ts";
import type { PolicyContext } from "./policy-context.ts";

const containerSpec = (spec: unknown) => at(spec, "tasktemplate", "containerspec");

export const serviceMounts = (spec: unknown): MountUse[] => mountsOf(at(containerSpec(spec), "mounts"));

function unconfined(privileges: unknown): string | undefined {
  const seccomp = text(at(privileges, "seccomp", "mode")).toLowerCase();
  if (seccomp === "unconfined" || seccomp === "custom") return `seccomp=${seccomp}`;
  if (text(at(privileges, "apparmor", "mode")).toLowerCase() === "disabled") return "apparmor=unconfined";
  if (isSet(at(privileges, "selinuxcontext", "disable"))) return "label=disable";
  return undefined;
}

export function checkServiceSpec(spec: unknown, ctx: PolicyContext): Denial | undefined {
  const cs = containerSpec(spec);
  const deny = (allowance: Denial["allowance"], what: string): Denial | undefined =>
    ctx.allows(allowance) ? undefined : { allowance, what };
  const cap = unsafeCapability(list(at(cs, "capabilityadd")));
  const sysctl = entries(at(cs, "sysctls"))[0];
  const profile = unconfined(at(cs, "privileges"));
  const plugin =
    isSet(at(spec, "tasktemplate", "pluginspec")) ||
    text(at(spec, "tasktemplate", "runtime")).toLowerCase() === "plugin";
  return (
    (cap ? deny("cap-add", `--cap-add ${cap}`) : undefined) ??
    (sysctl ? deny("sysctls", `--sysctl ${sysctl[0]}=${text(sysctl[1])}`) : undefined) ??
    (profile ? deny("security-opt", `--security-opt ${profile}`) : undefined) ??
    (plugin ? deny("plugins", "a plugin service") : undefined) ??
    checkMountUses(serviceMounts(spec), ctx)
  );
}
