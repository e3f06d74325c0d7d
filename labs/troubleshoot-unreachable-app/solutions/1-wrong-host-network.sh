#!/bin/sh
# Hides the symptom: on the host's network the app's loopback is the host's, so
# `curl localhost:$HOST_PORT` works, but nothing is published any more and the container shares
# the host's network stack. The port mapping the team agreed on is gone.
NAME=shop
IMAGE=slipway/shop
HOST_PORT=${{ host_port }}

sed -i "s/^listen = .*/listen = 127.0.0.1:$HOST_PORT/" shop/settings.ini
docker build --quiet --tag "$IMAGE" shop >/dev/null
docker rm --force "$NAME" >/dev/null
docker run --detach --name "$NAME" --network host "$IMAGE" >/dev/null
for _ in $(seq 1 60); do
  curl -sf "localhost:$HOST_PORT" >/dev/null && break
  sleep 0.5
done
