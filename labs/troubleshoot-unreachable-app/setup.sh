#!/bin/sh
# Deploys the shop as the team did: the port mapping is right, the address the app listens
# on is not. Runs in the workstation, in the workspace, before the candidate starts.
set -eu
NAME=shop
IMAGE=slipway/shop
HOST_PORT=${{ host_port }}
APP_PORT=${{ app_port }}

# The app reads its listen address from this file, baked into the image.
cat > shop/settings.ini <<INI
[server]
# Address and port the shop accepts connections on.
listen = 127.0.0.1:$APP_PORT
INI
docker build --quiet --tag "$IMAGE" shop >/dev/null
docker run --detach --name "$NAME" --publish "$HOST_PORT:$APP_PORT" "$IMAGE" >/dev/null

# Wait (bounded) until the app has started, so the candidate meets a running container with
# its port published that still fails every request through it.
for _ in $(seq 1 60); do
  docker logs "$NAME" 2>&1 | grep -q "listening on" && exit 0
  sleep 0.5
done
echo "setup: shop did not start" >&2
docker logs "$NAME" >&2
exit 1
