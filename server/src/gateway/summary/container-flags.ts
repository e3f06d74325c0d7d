// The CLI flags a container create body implies, for the audit trail and `history` checks.
// Both spellings are listed where the CLI has two (`-p`, `--publish`), so a lab may use
// either. They are derived from the body, so they say what the container got, not what was
// typed: `--env-file` shows as `-e`, and `docker create` (which attaches) never shows `-d`.
import { at, entries, isSet, text } from "../policy/engine-json.ts";

type Rule = readonly [readonly string[], (config: unknown, hc: unknown) => boolean];

const set = (key: string) => (_c: unknown, hc: unknown) => isSet(at(hc, key));
const cfg = (key: string) => (c: unknown) => isSet(at(c, key));
const endpoints = (c: unknown) => entries(at(c, "networkingconfig", "endpointsconfig")).map(([, e]) => e);

const RULES: readonly Rule[] = [
  [["-d", "--detach"], (c) => !["attachstdin", "attachstdout", "attachstderr"].some((k) => isSet(at(c, k)))],
  [["-i", "--interactive"], cfg("openstdin")],
  [["-t", "--tty"], cfg("tty")],
  [["-e", "--env"], cfg("env")],
  [["-u", "--user"], cfg("user")],
  [["-w", "--workdir"], cfg("workingdir")],
  [["--entrypoint"], (c) => Array.isArray(at(c, "entrypoint")) || isSet(at(c, "entrypoint"))],
  [["-h", "--hostname"], cfg("hostname")],
  [["-l", "--label"], cfg("labels")],
  [["--health-cmd"], (c) => isSet(at(c, "healthcheck", "test"))],
  [["--stop-signal"], cfg("stopsignal")],
  [["--rm"], set("autoremove")],
  [["-p", "--publish"], set("portbindings")],
  [["-P", "--publish-all"], set("publishallports")],
  [["-v", "--volume"], set("binds")],
  [["--mount"], set("mounts")],
  [["--tmpfs"], set("tmpfs")],
  [["--volumes-from"], set("volumesfrom")],
  [["--network", "--net"], (_c, hc) => !["", "default"].includes(text(at(hc, "networkmode")))],
  [["--network-alias"], (c) => endpoints(c).some((e) => isSet(at(e, "aliases")))],
  [["--ip"], (c) => endpoints(c).some((e) => isSet(at(e, "ipamconfig", "ipv4address")))],
  [["-m", "--memory"], set("memory")],
  [["--memory-swap"], set("memoryswap")],
  [["--memory-reservation"], set("memoryreservation")],
  [["--cpus"], set("nanocpus")],
  [["-c", "--cpu-shares"], set("cpushares")],
  [["--cpuset-cpus"], set("cpusetcpus")],
  [["--pids-limit"], set("pidslimit")],
  [["--restart"], (_c, hc) => !["", "no"].includes(text(at(hc, "restartpolicy", "name")))],
  [["--init"], set("init")],
  [["--read-only"], set("readonlyrootfs")],
  [["--privileged"], set("privileged")],
  [["--cap-add"], set("capadd")],
  [["--cap-drop"], set("capdrop")],
  [["--device"], set("devices")],
  [["--gpus"], set("devicerequests")],
  [["--security-opt"], set("securityopt")],
  [["--sysctl"], set("sysctls")],
  [["--pid"], set("pidmode")],
  [["--ipc"], set("ipcmode")],
  [["--uts"], set("utsmode")],
  [["--userns"], set("usernsmode")],
  [["--cgroupns"], set("cgroupnsmode")],
  [["--cgroup-parent"], set("cgroupparent")],
  [["--runtime"], set("runtime")],
  [["--ulimit"], set("ulimits")],
  [["--log-driver"], (_c, hc) => isSet(at(hc, "logconfig", "type"))],
  [["--add-host"], set("extrahosts")],
  [["--dns"], set("dns")],
  [["--link"], set("links")],
  [["--shm-size"], set("shmsize")],
  [["--oom-kill-disable"], set("oomkilldisable")],
];

export function containerFlags(body: unknown): string[] {
  const hc = at(body, "hostconfig");
  return RULES.filter(([, test]) => test(body, hc)).flatMap(([flags]) => flags);
}
