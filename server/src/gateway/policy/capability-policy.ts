// Capabilities a learner may add without a lab's say-so: Docker's default set (adding one is
// a no-op) plus a few that stay inside the container's own namespaces. Anything else (ALL,
// SYS_ADMIN, SYS_MODULE, SYS_TIME, SYS_RAWIO, SYS_BOOT, DAC_READ_SEARCH…) reaches past the
// container into the engine, and the engine runs with elevated rights.
const DOCKER_DEFAULT = [
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "NET_RAW",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
];
// NET_ADMIN: the container's own network namespace (the networking labs use it);
// SYS_PTRACE: debug its own processes; SYS_NICE and IPC_LOCK: scheduling and locked memory,
// still bounded by the sandbox's cgroup.
const SAFE = new Set([...DOCKER_DEFAULT, "NET_ADMIN", "SYS_PTRACE", "SYS_NICE", "IPC_LOCK"]);

/** The engine's spelling: upper case, without the CAP_ prefix (it accepts both). */
export const capabilityName = (cap: string): string => cap.trim().toUpperCase().replace(/^CAP_/, "");

/** The first capability outside the safe set, by its bare name, if any. */
export function unsafeCapability(caps: readonly unknown[]): string | undefined {
  for (const c of caps) {
    const name = capabilityName(typeof c === "string" ? c : String(c));
    if (!SAFE.has(name)) return name;
  }
  return undefined;
}
