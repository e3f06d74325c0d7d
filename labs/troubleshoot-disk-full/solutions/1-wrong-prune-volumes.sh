#!/bin/sh
# Everything unused, volumes included: the backup job is a stopped container, so prune
# removes it, then finds its volume unused and removes that too.
service=${{ service }}
docker system prune --all --volumes --force
for _ in $(seq 1 60); do
  docker exec "$service" redis-cli INFO persistence | grep -q 'rdb_last_bgsave_status:ok' && break
  sleep 0.5
done
