#!/bin/bash
# One registry process per listen address, all on the same storage (as an HA registry shares
# its backend): loopback for the host engine's pushes (loopback needs no TLS), the bridge
# gateway for sandboxes. Nothing listens on a public address.
#   SLIPWAY_MIRROR_ADDRS  space-separated host:port list
#   REGISTRY_PROXY_REMOTEURL  set to make it a pull-through cache instead
set -euo pipefail
# Processes sharing storage must share the upload-session secret.
export REGISTRY_HTTP_SECRET=${REGISTRY_HTTP_SECRET:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export REGISTRY_LOG_LEVEL=${REGISTRY_LOG_LEVEL:-warn}
for addr in $SLIPWAY_MIRROR_ADDRS; do
  REGISTRY_HTTP_ADDR=$addr /usr/bin/docker-registry serve /etc/slipway/registry.yml &
done
wait -n
exit 1
