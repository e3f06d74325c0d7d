#!/bin/sh
# --mount, and an explicit SAVE before stopping: the key is on the volume either way.
set -eu
docker run -d --rm --name cache --mount type=volume,source=cache-data,target=/data redis
until docker exec cache redis-cli PING >/dev/null 2>&1; do sleep 0.5; done
docker exec cache redis-cli SET visits 41
docker exec cache redis-cli SAVE
docker stop cache
