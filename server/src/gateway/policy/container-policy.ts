// Container calls that carry HostConfig-like settings. The engine reads a create body's
// HostConfig fields both under "HostConfig" and at the top level (a compatibility path in
// dockerd), and, for API versions before 1.24, a HostConfig posted to /start; all are checked.
import type { Denial } from "./denial.ts";
import { at, isSet } from "./engine-json.ts";
import { checkHostConfig, hostConfigMounts } from "./host-config-policy.ts";
import type { MountUse } from "./mount-uses.ts";
import type { PolicyContext } from "./policy-context.ts";

export const containerCreateMounts = (body: unknown): MountUse[] => [
  ...hostConfigMounts(body),
  ...hostConfigMounts(at(body, "hostconfig")),
];

export function checkContainerCreate(body: unknown, ctx: PolicyContext): Denial | undefined {
  return checkHostConfig(body, ctx) ?? checkHostConfig(at(body, "hostconfig"), ctx);
}

/** POST /containers/{id}/start with a body: a HostConfig, applied by the engine for old API versions. */
export const checkContainerStart = checkHostConfig;

export function checkExecCreate(body: unknown, ctx: PolicyContext): Denial | undefined {
  if (!isSet(at(body, "privileged")) || ctx.allows("privileged")) return undefined;
  return { allowance: "privileged", what: "docker exec --privileged" };
}
