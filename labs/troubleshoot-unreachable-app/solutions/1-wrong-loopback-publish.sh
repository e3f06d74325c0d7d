#!/bin/sh
# Publishes on the host's loopback to "match" the app's address. The mapping's host side
# changes, the app's side does not: it still listens where forwarded traffic never arrives.
NAME=shop
IMAGE=slipway/shop
HOST_PORT=${{ host_port }}
APP_PORT=${{ app_port }}

docker rm --force "$NAME" >/dev/null
docker run --detach --name "$NAME" --publish "127.0.0.1:$HOST_PORT:$APP_PORT" "$IMAGE" >/dev/null
for _ in $(seq 1 60); do
  docker logs "$NAME" 2>&1 | grep -q "listening on" && break
  sleep 0.5
done
