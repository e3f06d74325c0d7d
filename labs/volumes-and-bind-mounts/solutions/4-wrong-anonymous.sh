#!/bin/sh
# --rm with only the image's anonymous volume: the key is gone with the container.
docker run --rm -d --name cache redis
for _ in $(seq 60); do docker exec cache redis-cli PING >/dev/null 2>&1 && break; sleep 0.5; done
docker exec cache redis-cli SET visits 41
docker stop cache
