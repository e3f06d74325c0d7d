#!/bin/sh
# The app listened on the container's loopback, which the port mapping never reaches. Make
# it listen on every interface, in the image, and recreate the container as it was run.
set -eu
NAME=shop
IMAGE=slipway/shop
HOST_PORT=${{ host_port }}
APP_PORT=${{ app_port }}

sed -i "s/^listen = .*/listen = 0.0.0.0:$APP_PORT/" shop/settings.ini
docker build --quiet --tag "$IMAGE" shop >/dev/null
docker rm --force "$NAME" >/dev/null
docker run --detach --name "$NAME" --publish "$HOST_PORT:$APP_PORT" "$IMAGE" >/dev/null
for _ in $(seq 1 60); do
  curl -sf "localhost:$HOST_PORT" >/dev/null && exit 0
  sleep 0.5
done
echo "shop did not answer on localhost:$HOST_PORT" >&2
exit 1
