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

/** Runs in bash after nsenter --net and unshare --mount: $1 resolv.conf, $2 hosts, $3 host, $4 port, $5 path, $6 seconds. */
const SCRIPT = `set -u
mount --bind "$1" /etc/resolv.conf && mount --bind "$2" /etc/hosts || exit 3
export RES_OPTIONS="timeout:1 attempts:1"
addr=""
read -r addr _ < <(timeout "$6" getent ahostsv4 "$3")
[ -n "$addr" ] || { echo "unresolved"; exit 0; }
echo "resolved $addr"
[ -n "$4" ] || exit 0
err=$(timeout "$6" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$addr" "$4" 2>&1)
rc=$?
[ $rc -eq 124 ] && { echo "closed: no answer within $6 s"; exit 0; }
[ $rc -ne 0 ] && { echo "closed: \${err##*: }"; exit 0; }
echo "open"
[ -n "$5" ] || exit 0
echo "http"
curl -sS --noproxy '*' --max-time "$6" --resolve "$3:$4:$addr" -w '\\n__slipway_status__:%{http_code}' "http://$3:$4$5" 2>&1
`;

const MARK = "\n__slipway_status__:";

export async function probe(ctx: CheckContext, t: ProbeTarget, r: ProbeRequest): Promise<ProbeOutcome> {
  const secs = Math.max(1, Math.ceil(r.timeoutMs / 1000));
  const args = [t.resolvConf, t.hostsFile, r.host, r.port?.toString() ?? "", r.path ?? "", String(secs)];
  const out = await batchedProbe(ctx, SCRIPT, { pid: t.pid, args, secs });
  if (out.code !== 0) throw new Error(`reachability probe failed (exit ${out.code}): ${out.output.trim()}`);
  return parse(out.output);
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
