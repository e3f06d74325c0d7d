#!/bin/sh
# The learner's containers that this engine would restart when it starts (a resume is the
# engine's reboot), as dockerd decides it from its own files, one "<id> <linked>" a line:
#   always; unless-stopped unless the learner stopped it; on-failure after a non-zero exit
#   (a container still marked running died with the engine) within its retry limit.
# dockerd restarts them before its API answers, which on a busy host was most of a resume:
# the entrypoint starts dockerd with --restart=false and hands this list to engine-restart.sh,
# which starts them once the API answers. Run before dockerd, which rewrites these files.
# Fails (and the entrypoint lets dockerd restart them itself) if a file cannot be read.
set -eu
dir=${1:-/var/lib/docker/containers}
[ -d "$dir" ] || exit 0
set --
for c in "$dir"/*/; do
  [ -f "$c/config.v2.json" ] && set -- "$@" "$c/config.v2.json" "$c/hostconfig.json"
done
[ $# -gt 0 ] || exit 0
# Only ids leave jq: nothing the learner wrote (names, labels, commands) reaches a shell.
jq -rn '
  [inputs] | _nwise(2) | .[0] as $c | .[1].RestartPolicy as $p
  | ($p.Name // "") as $policy
  | (if $c.State.Running then 255 else ($c.State.ExitCode // 0) end) as $code
  | select($c.State.Dead != true and $c.State.RemovalInProgress != true)
  | select(
      $policy == "always"
      or ($policy == "unless-stopped" and $c.HasBeenManuallyStopped != true)
      or ($policy == "on-failure" and $code != 0
          and (($p.MaximumRetryCount // 0) == 0 or ($c.RestartCount // 0) < $p.MaximumRetryCount)))
  | select($c.ID | test("^[0-9a-f]{64}$"))
  | "\($c.ID) \(if ((.[1].Links // []) | length) > 0 then "linked" else "plain" end)"
' "$@"
