// Resolves and connects exactly as one of the learner's containers would, whatever its image
// holds (busybox, nginx, scratch): a probe run on the engine side, inside that container's
// network namespace, with that container's /etc/resolv.conf and /etc/hosts bound over the
// engine's own in a private mount namespace. So a container on a user-defined network asks
// the embedded DNS at 127.0.0.11 in its own namespace, one on the default bridge gets no
// names of other containers, and a `--link` or `--add-host` entry counts. The probe uses the
// engine's tools (getent, bash, curl); it starts no container in the learner's engine, so
// nothing shows in their `docker ps -a` or events. Every stage is bounded by `timeout`.
import type { CheckContext } from "./check-context.ts";
import { batchedProbe } from "./probe-batch.ts";

export interface ProbeTarget {
  /** From the container's inspect: its process, and the resolver files Docker made for it. */
  readonly pid: number;
  readonly resolvConf: string;
  readonly hostsFile: string;
}

export interface ProbeRequest {
  readonly host: string;
  readonly port?: number | undefined;
  /** With a port: also GET http://host:port{path} and report status and body. */
  readonly path?: string | undefined;
  readonly timeoutMs: number;
}

export type ProbeOutcome =
  | { readonly resolved: false }
  | {
      readonly resolved: true;
      readonly address: string;
      /** Undefined when no port was asked. */
      readonly connect?: { readonly open: true } | { readonly open: false; readonly detail: string };
      readonly http?: { readonly status: number; readonly body: string; readonly error?: string };
    };

/**
 * The probes from one container, in bash after nsenter --net and unshare --mount. $1 the
 * results folder, $2 resolv.conf, $3 hosts, $4 the marker; then per probe: index, host,
 * port, path, seconds. Each probe runs at once and writes "$mark index" and its result to
 * $1/r<index>. Builtins where they do: each process costs dearly on a busy host.
 */
const SCRIPT = `dir=$1 mark=$4
mount --bind "$2" /etc/resolv.conf && mount --bind "$3" /etc/hosts || exit 3
shift 4
export RES_OPTIONS="timeout:1 attempts:1"
one() {
  local i=$1 host=$2 port=$3 path=$4 secs=$5 addr="" err="" line rc
  exec >"$dir/r$i" 2>&1
  echo "$mark $i"
  timeout "$secs" getent ahostsv4 "$host" >"$dir/t$i" 2>/dev/null
  read -r addr _ <"$dir/t$i"
  [ -n "$addr" ] || { echo unresolved; return; }
  echo "resolved $addr"
  [ -n "$port" ] || return
  timeout "$secs" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$addr" "$port" 2>"$dir/t$i"
  rc=$?
  [ $rc -eq 124 ] && { echo "closed: no answer within $secs s"; return; }
  while IFS= read -r line; do err=$line; done <"$dir/t$i"
  [ $rc -ne 0 ] && { echo "closed: \${err##*: }"; return; }
  echo open
  [ -n "$path" ] || return
  echo http
  curl -sS --noproxy '*' --max-time "$secs" --resolve "$host:$port:$addr" -w '\\n__slipway_status__:%{http_code}' "http://$host:$port$path"
}
while [ $# -ge 5 ]; do one "$1" "$2" "$3" "$4" "$5" & shift 5; done
wait
`;

const MARK = "\n__slipway_status__:";

export async function probe(ctx: CheckContext, t: ProbeTarget, r: ProbeRequest): Promise<ProbeOutcome> {
  const secs = Math.max(1, Math.ceil(r.timeoutMs / 1000));
  const args = [r.host, r.port?.toString() ?? "", r.path ?? "", String(secs)];
  return parse(await batchedProbe(ctx, SCRIPT, { ...t, args, secs }));
}

export function parse(stdout: string): ProbeOutcome {
  const [first = "", second, third, ...rest] = stdout.split("\n");
  if (!first.startsWith("resolved ")) return { resolved: false };
  const address = first.slice("resolved ".length);
  if (second === undefined || second === "") return { resolved: true, address };
  if (second !== "open")
    return { resolved: true, address, connect: { open: false, detail: second.replace(/^closed: /, "") } };
  if (third !== "http") return { resolved: true, address, connect: { open: true } };
  const text = rest.join("\n");
  const at = text.lastIndexOf(MARK);
  const status = at < 0 ? 0 : Number(text.slice(at + MARK.length).trim());
  const body = at < 0 ? text : text.slice(0, at);
  const http = status === 0 ? { status, body: "", error: body.trim() } : { status, body };
  return { resolved: true, address, connect: { open: true }, http };
}
