#!/bin/sh
# Starts the learner's dockerd. Configured by environment:
#   SLIPWAY_MIRROR  host:port of the registry mirror (optional)
set -eu

cgroup_parent=""
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  # cgroup v2 (private namespace): move our processes to a leaf so the root can delegate
  # controllers to the learner's containers, as docker:dind does.
  mkdir -p /sys/fs/cgroup/init
  xargs -rn1 </sys/fs/cgroup/cgroup.procs >/sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
  sed -e 's/ / +/g' -e 's/^/+/' </sys/fs/cgroup/cgroup.controllers >/sys/fs/cgroup/cgroup.subtree_control || :
else
  # cgroup v1 with the host's tree: nest the learner's containers under this sandbox's own
  # cgroup, so the sandbox limits (memory, pids) hold for everything the learner starts,
  # while the kernel still reports per-container OOM kills (OOMKilled: true).
  own=$(awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3}' /proc/1/cgroup)
  [ -n "$own" ] && [ "$own" != "/" ] && cgroup_parent="${own%/}/learner"
fi

mkdir -p /etc/docker /run/slipway-engine
# The learner writes symlinks in the workspace and /tmp, and this engine mounts bind sources
# from there at every start and restart. Mounted nosymfollow, no symlink stored there is ever
# followed by this engine's kernel, so a source the gateway checked cannot be swapped for a
# link to / (slipway-runc clears the flag again on the learner's side of each bind).
pinned=yes
for root in /home/learner /tmp; do
  mountpoint -q "$root" || mount --bind "$root" "$root" || pinned=no
  mount -o remount,bind,nosymfollow "$root" 2>/dev/null || pinned=no
done
[ "$pinned" = yes ] && : >/run/slipway-pinned
socat UNIX-LISTEN:/run/slipway-engine/resolve.sock,fork,unlink-early,mode=600 \
  EXEC:/usr/local/bin/engine-resolve.sh &
mirror=${SLIPWAY_MIRROR:-}
# The host's bridge (and so the mirror) usually sits in 172.17/16: keep the learner's networks
# elsewhere so the mirror stays reachable from inside.
cat >/etc/docker/daemon.json <<JSON
{
  "bip": "10.200.0.1/24",
  "default-address-pools": [{ "base": "10.201.0.0/16", "size": 24 }],
  "registry-mirrors": [$( [ -n "$mirror" ] && printf '"http://%s"' "$mirror" )],
  "insecure-registries": [$( [ -n "$mirror" ] && printf '"%s"' "$mirror" )],
  "log-driver": "json-file",
  "log-opts": { "max-size": "5m", "max-file": "2" }
}
JSON

set -- dockerd --host=unix:///var/run/docker.sock --host=unix:///run/slipway-engine/docker.sock
[ -n "$cgroup_parent" ] && set -- "$@" --cgroup-parent="$cgroup_parent"
# A resume is this engine's reboot. dockerd restarts containers with a restart policy before
# its API answers; started by engine-restart.sh instead, they come back just after it, and
# the sandbox answers in the meantime. (--restart is a deprecated flag of dockerd 20.10 that
# only turns off that restart at its start.) If the list cannot be made, dockerd does it.
rm -f /run/slipway-engine/restarting
if restarts=$(/usr/local/bin/engine-restarts.sh); then
  set -- "$@" --restart=false
  printf '%s\n' "$restarts" | /usr/local/bin/engine-restart.sh &
fi
exec "$@"
