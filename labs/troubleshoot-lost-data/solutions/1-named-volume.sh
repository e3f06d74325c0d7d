#!/bin/sh
# Keep /data in a named volume, which outlives any container using it, then restore.
set -eu
NAME=scores
VOLUME=scores-data

docker stop "$NAME" >/dev/null
for _ in $(seq 1 60); do
  docker container inspect "$NAME" >/dev/null 2>&1 || break
  sleep 0.5
done
docker run --detach --rm --name "$NAME" --volume "$VOLUME:/data" redis redis-server --appendonly yes >/dev/null
for _ in $(seq 1 60); do
  [ "$(docker exec "$NAME" redis-cli ping 2>/dev/null)" = PONG ] && break
  sleep 0.5
done
docker exec -i "$NAME" redis-cli < leaderboard-export.txt >/dev/null
