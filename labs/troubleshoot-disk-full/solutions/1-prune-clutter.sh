#!/bin/sh
# Remove exactly the clutter: the report runs and their scratch space, the dangling image.
# The service, its backup job and both volumes stay; then ask for a save at once.
set -eu
service=${{ service }}
docker container rm report-run-1 report-run-2
docker image prune --force
docker exec "$service" redis-cli BGSAVE
for _ in $(seq 1 40); do
  docker exec "$service" redis-cli INFO persistence | grep -q 'rdb_last_bgsave_status:ok' && exit 0
  sleep 0.25
done
echo "the save did not succeed" >&2
exit 1
