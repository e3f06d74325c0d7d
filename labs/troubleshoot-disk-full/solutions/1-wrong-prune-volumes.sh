#!/bin/sh
# Everything unused, volumes included: the backup job is a stopped container, so its
# volume counts as unused and goes with it.
docker system prune --all --volumes --force
docker exec ledger redis-cli BGSAVE
for _ in $(seq 1 40); do
  docker exec ledger redis-cli INFO persistence | grep -q 'rdb_last_bgsave_status:ok' && break
  sleep 0.25
done
