#!/bin/sh
# Publishes on the host's loopback to "match" the app's address. The mapping's host side
# changes, the app's side does not: it still listens where forwarded traffic never arrives.
NAME=shop
IMAGE=slipway/shop
HOST_PORT=8080
APP_PORT=8000

docker rm --force "$NAME" >/dev/null
docker run --detach --name "$NAME" --publish "127.0.0.1:$HOST_PORT:$APP_PORT" "$IMAGE" >/dev/null
for _ in $(seq 1 60); do
  docker logs "$NAME" 2>&1 | grep -q "listening on" && break
  sleep 0.5
done
