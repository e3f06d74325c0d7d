#!/bin/sh
# Find what holds the port, remove it (it was a forgotten preview), start the service.
set -eu
SERVICE=tides
PORT=${{ port }}

docker rm --force "$(docker ps --quiet --filter "publish=$PORT")" >/dev/null
docker start "$SERVICE" >/dev/null
for _ in $(seq 1 60); do
  curl -sf "localhost:$PORT" >/dev/null && exit 0
  sleep 0.5
done
echo "$SERVICE did not answer on localhost:$PORT" >&2
exit 1
