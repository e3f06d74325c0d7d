#!/bin/sh
# Remove exactly the clutter: the report runs, the dangling image. The
# ledger, its backup job and both volumes stay.
set -eu
docker rm report-run-1 report-run-2
docker image prune --force
docker exec ledger redis-cli BGSAVE
for _ in $(seq 1 40); do
  docker exec ledger redis-cli INFO persistence | grep -q 'rdb_last_bgsave_status:ok' && exit 0
  sleep 0.25
done
