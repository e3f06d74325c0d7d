// The policy for one Docker API call, by route. Route-only decisions (plugin installs, swarm
// join, build options) never read the body, so a plugin tarball is not buffered to refuse it;
// the others need the parsed body (see engine-json.ts) and the engine's view of bind paths.
import {
  checkContainerCreate,
  checkContainerStart,
  checkExecCreate,
  containerCreateMounts,
} from "./container-policy.ts";
import type { Denial } from "./denial.ts";
import { at } from "./engine-json.ts";
import type { GoQuery } from "./go-query.ts";
import { checkMountUses } from "./mount-policy.ts";
import { type MountUse, volumeOptionUses } from "./mount-uses.ts";
import type { PolicyContext } from "./policy-context.ts";
import { checkServiceSpec, serviceMounts } from "./service-policy.ts";

/** Calls whose body carries policy (or what the audit summary needs). */
export type BodyRoute =
  | "container-create"
  | "container-start"
  | "exec-create"
  | "service-create"
  | "service-update"
  | "volume-create"
  | "network-create"
  | "swarm-init"
  | "swarm-update";

/** Calls decided by method, path and query alone. */
export type RouteOnly = "plugin-install" | "plugin-change" | "swarm-join" | "build" | "buildkit-api";

export function checkRoute(route: RouteOnly, query: GoQuery, ctx: PolicyContext): Denial | undefined {
  const deny = (allowance: Denial["allowance"], what: string, why?: string): Denial | undefined =>
    ctx.allows(allowance) ? undefined : { allowance, what, ...(why ? { why } : {}) };
  switch (route) {
    case "plugin-install":
    case "plugin-change":
      return deny("plugins", "installing or changing a plugin", "plugins run with the engine's rights");
    case "swarm-join":
      // A foreign manager could schedule anything onto this engine, past the gateway.
      return deny("swarm-join", "docker swarm join", "this engine may only lead its own swarm");
    case "build": {
      // The engine reads the first value; any set one is refused, in case the two disagree.
      const parent = query.all("cgroupparent").find((v) => v !== "");
      return parent ? deny("cgroup-parent", `docker build --cgroup-parent ${parent}`) : undefined;
    }
    case "buildkit-api":
      // The raw control API: solve requests, frontend attributes and entitlements the
      // gateway cannot read. `docker build` needs only /build and the client's /session.
      return deny(
        "buildkit-api",
        "BuildKit's /grpc API (buildx, buildctl)",
        "its build options would reach the engine unchecked; docker build works without it",
      );
  }
}

export function mountUses(route: BodyRoute, body: unknown): MountUse[] {
  switch (route) {
    case "container-create":
      return containerCreateMounts(body);
    case "container-start":
      return containerCreateMounts({ hostconfig: body });
    case "service-create":
    case "service-update":
      return serviceMounts(body);
    case "volume-create":
      return volumeOptionUses(at(body, "driveropts"));
    default:
      return [];
  }
}

export function checkBody(route: BodyRoute, body: unknown, ctx: PolicyContext): Denial | undefined {
  switch (route) {
    case "container-create":
      return checkContainerCreate(body, ctx);
    case "container-start":
      return checkContainerStart(body, ctx);
    case "exec-create":
      return checkExecCreate(body, ctx);
    case "service-create":
    case "service-update":
      return checkServiceSpec(body, ctx);
    case "volume-create":
      return checkMountUses(mountUses(route, body), ctx);
    default:
      return undefined;
  }
}
