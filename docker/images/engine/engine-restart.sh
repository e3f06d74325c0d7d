#!/bin/sh
# Starts the containers engine-restarts.sh listed (on stdin) once this engine's API answers,
# as dockerd would have before answering: the plain ones together, then those with legacy
# links, whose targets must run first. /run/slipway-engine/restarting lists them until then,
# so the server can say they are still coming back. A start that fails is dockerd's to log,
# as at its own boot; the container stays stopped, as it would have.
set -u
state=/run/slipway-engine/restarting
list=$(cat)
[ -n "$list" ] || exit 0
printf '%s\n' "$list" >"$state.new" && mv "$state.new" "$state"
api() { curl -sf -o /dev/null --unix-socket /var/run/docker.sock "$@"; }
# dockerd answers once it has loaded its containers and networks: seconds at most.
i=0
until api http://engine/_ping; do
  i=$((i + 1))
  [ "$i" -lt 6000 ] || exit 1
  sleep 0.05
done
for kind in plain linked; do
  for id in $(printf '%s\n' "$list" | awk -v k="$kind" '$2 == k { print $1 }'); do
    api -X POST "http://engine/containers/$id/start" &
  done
  wait
done
rm -f "$state"
