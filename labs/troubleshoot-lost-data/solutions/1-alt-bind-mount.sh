#!/bin/sh
# The same with a bind mount of a workspace folder (--mount needs it to exist), without --rm.
set -eu
NAME=scores

mkdir -p redis-data
docker rm --force "$NAME" >/dev/null
docker container run --detach --name "$NAME" --mount "type=bind,source=$PWD/redis-data,target=/data" \
  redis redis-server --appendonly yes >/dev/null
for _ in $(seq 1 60); do
  [ "$(docker exec "$NAME" redis-cli ping 2>/dev/null)" = PONG ] && break
  sleep 0.5
done
docker exec -i "$NAME" redis-cli < leaderboard-export.txt >/dev/null
