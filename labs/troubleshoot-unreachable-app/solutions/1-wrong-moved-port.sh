#!/bin/sh
# Fixes the address but moves the app to the host port and publishes it to itself: the page
# answers, yet the mapping to the app's own port that the platform expects is gone.
NAME=shop
IMAGE=slipway/shop
HOST_PORT=${{ host_port }}

sed -i "s/^listen = .*/listen = 0.0.0.0:$HOST_PORT/" shop/settings.ini
docker build --quiet --tag "$IMAGE" shop >/dev/null
docker rm --force "$NAME" >/dev/null
docker run --detach --name "$NAME" --publish "$HOST_PORT:$HOST_PORT" "$IMAGE" >/dev/null
for _ in $(seq 1 60); do
  curl -sf "localhost:$HOST_PORT" >/dev/null && break
  sleep 0.5
done
