#!/bin/sh
set -eu
docker run --rm -d --name cache -v cache-data:/data redis
for _ in $(seq 60); do docker exec cache redis-cli PING >/dev/null 2>&1 && break; sleep 0.5; done
docker exec cache redis-cli SET visits 41
docker stop cache
