// The rules for a container's HostConfig: what would give a learner's container a way out of
// its namespaces into the engine, which runs with elevated rights. Host networking stays
// allowed: it is the engine's own network namespace, and the networking labs need it.
import type { Allowance } from "./allowances.ts";
import { unsafeCapability } from "./capability-policy.ts";
import type { Denial } from "./denial.ts";
import { at, entries, isSet, list, text } from "./engine-json.ts";
import { checkMountUses } from "./mount-policy.ts";
import { type MountUse, bindsOf, mountsOf } from "./mount-uses.ts";
import type { PolicyContext } from "./policy-context.ts";

/** Finds what the rule refuses, in the CLI's spelling. */
type Rule = readonly [Allowance, (hc: unknown) => string | undefined, string?];

const RUNC = new Set(["", "runc", "io.containerd.runc.v2"]);
const isNoNewPrivileges = (opt: string) => /^no-new-privileges([:=](true|false))?$/i.test(opt.trim());
const shortOpt = (opt: string) => (opt.length > 48 ? `${opt.split(/[=:]/)[0]}=<profile>` : opt);
const hostMode = (key: string, flag: string) => (hc: unknown) =>
  text(at(hc, key)).toLowerCase() === "host" ? flag : undefined;

const RULES: readonly Rule[] = [
  ["privileged", (hc) => (isSet(at(hc, "privileged")) ? "--privileged" : undefined)],
  // "Capabilities" (API 1.40+) replaces the default set; the CLI never sends it, raw callers can.
  [
    "cap-add",
    (hc) => {
      const cap = unsafeCapability([...list(at(hc, "capadd")), ...list(at(hc, "capabilities"))]);
      return cap && `--cap-add ${cap}`;
    },
  ],
  ["devices", (hc) => list(at(hc, "devices")).map((d) => `--device ${text(at(d, "pathonhost"))}`)[0]],
  ["devices", (hc) => list(at(hc, "devicecgrouprules")).map((r) => `--device-cgroup-rule '${text(r)}'`)[0]],
  ["devices", (hc) => (isSet(at(hc, "devicerequests")) ? "--gpus" : undefined)],
  ["host-namespaces", hostMode("pidmode", "--pid=host")],
  ["host-namespaces", hostMode("ipcmode", "--ipc=host")],
  ["host-namespaces", hostMode("utsmode", "--uts=host")],
  ["host-namespaces", hostMode("cgroupnsmode", "--cgroupns=host")],
  [
    "security-opt",
    (hc) =>
      list(at(hc, "securityopt"))
        .map(text)
        .filter((o) => !isNoNewPrivileges(o))
        .map((o) => `--security-opt ${shortOpt(o)}`)[0],
  ],
  // The CLI turns `--security-opt systempaths=unconfined` into explicit (even empty) lists.
  [
    "security-opt",
    (hc) =>
      Array.isArray(at(hc, "maskedpaths")) || Array.isArray(at(hc, "readonlypaths"))
        ? "--security-opt systempaths=unconfined"
        : undefined,
  ],
  ["sysctls", (hc) => entries(at(hc, "sysctls")).map(([k, v]) => `--sysctl ${k}=${text(v)}`)[0]],
  [
    "runtime",
    (hc) => (RUNC.has(text(at(hc, "runtime"))) ? undefined : `--runtime=${text(at(hc, "runtime"))}`),
  ],
  // The sandbox's memory and pids limits hold only while learner containers stay under the
  // engine's cgroup (see engine-entrypoint.sh); `--cgroup-parent=/` would leave it.
  [
    "cgroup-parent",
    (hc) => (text(at(hc, "cgroupparent")) ? `--cgroup-parent=${text(at(hc, "cgroupparent"))}` : undefined),
    "it would leave the sandbox's limits",
  ],
];

export const hostConfigMounts = (hc: unknown): MountUse[] => [
  ...bindsOf(at(hc, "binds")),
  ...mountsOf(at(hc, "mounts")),
];

export function checkHostConfig(hc: unknown, ctx: PolicyContext): Denial | undefined {
  for (const [allowance, find, why] of RULES) {
    const what = ctx.allows(allowance) ? undefined : find(hc);
    if (what !== undefined) return { allowance, what, ...(why ? { why } : {}) };
  }
  return checkMountUses(hostConfigMounts(hc), ctx);
}
