#!/bin/bash
# Two registry processes on one storage (as an HA registry shares its backend):
#   SLIPWAY_MIRROR_WRITE_ADDR  loopback, for the host engine's pushes (loopback needs no TLS);
#   SLIPWAY_MIRROR_READ_ADDR   the bridge gateway, read-only, for the sandboxes' engines.
#   REGISTRY_PROXY_REMOTEURL   set to make both a pull-through cache instead.
# Nothing listens on a public address.
set -euo pipefail
# Processes sharing storage must share the upload-session secret.
export REGISTRY_HTTP_SECRET=${REGISTRY_HTTP_SECRET:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export REGISTRY_LOG_LEVEL=${REGISTRY_LOG_LEVEL:-warn}
REGISTRY_HTTP_ADDR=$SLIPWAY_MIRROR_WRITE_ADDR /usr/bin/docker-registry serve /etc/slipway/registry.yml &
REGISTRY_HTTP_ADDR=$SLIPWAY_MIRROR_READ_ADDR /usr/bin/docker-registry serve /etc/slipway/registry-readonly.yml &
wait -n
exit 1
