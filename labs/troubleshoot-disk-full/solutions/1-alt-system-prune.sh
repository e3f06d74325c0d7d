#!/bin/sh
# The broad but safe sweep: every stopped container, unused image and build cache, but no
# volume (no --volumes). The backup job's container goes; its volume stays. Then wait for
# redis to retry its save on its own (it does every 5 seconds after a failure).
set -eu
docker system prune --all --force
for _ in $(seq 1 60); do
  docker exec ${{ service }} redis-cli INFO persistence | grep -q 'rdb_last_bgsave_status:ok' && exit 0
  sleep 0.5
done
echo "redis did not save by itself" >&2
exit 1
