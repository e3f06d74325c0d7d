#!/bin/sh
# Stop the service "to be safe", prune, start it again: redis cannot save on its way down,
# so what it held only in memory is gone.
service=${{ service }}
docker stop "$service"
docker system prune --all --force
docker run --detach --name "$service" --restart unless-stopped --volume "$service-data:/data" \
  redis redis-server --save 1 1
for _ in $(seq 1 40); do docker exec "$service" redis-cli ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
