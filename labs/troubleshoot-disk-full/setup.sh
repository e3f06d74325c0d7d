#!/bin/sh
# Builds the broken state on this sandbox's small disk (512 MiB, shared by the engine and the
# workspace): the ledger (redis, saving to the ledger-data volume), last night's backup in
# ledger-backups, and weeks of real clutter from the report builder until the disk is full.
# Then one write to the ledger, whose background save fails for lack of space: from then on
# redis refuses writes (MISCONF).
set -eu
service=ledger
data_volume=ledger-data
backup_volume=ledger-backups
backup_file=ledger-2026-11-29.rdb
last_entry='txn-58213 +250.00'

docker volume create "$data_volume" >/dev/null
docker run --detach --name "$service" --restart unless-stopped --volume "$data_volume:/data" \
  redis redis-server --save 1 1 >/dev/null
for _ in $(seq 1 40); do docker exec "$service" redis-cli ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
docker exec "$service" sh -c 'for i in $(seq 1 200); do echo "RPUSH ledger:entries txn-$((58000 + i))"; done |
  redis-cli >/dev/null && redis-cli SET ledger:balance 1042.17 >/dev/null && redis-cli SAVE >/dev/null'

# Last night's backup job: it ran, exited 0, and left its copy in a volume of its own.
docker run --name "$service-backup" --volume "$data_volume:/data:ro" --volume "$backup_volume:/backups" \
  busybox cp /data/dump.rdb "/backups/$backup_file"

# Clutter: two builds of the report image (the first is now dangling), and report runs
# that each left their scratch files in their container's writable layer.
docker build --quiet --build-arg REVISION=1 --tag slipway/reports reports >/dev/null
docker build --quiet --no-cache --build-arg REVISION=2 --tag slipway/reports reports >/dev/null
docker run --name report-run-1 slipway/reports >/dev/null
# The last run fills what is left of the disk and fails with "No space left on device".
docker run --name report-run-2 slipway/reports sh -c 'cat /dev/zero > /tmp/scratch.bin' 2>/dev/null || true

# One more entry for the ledger: redis accepts it, then its background save fails.
docker exec "$service" redis-cli SET ledger:last-entry "$last_entry" >/dev/null
for _ in $(seq 1 40); do
  docker exec "$service" redis-cli INFO persistence | grep -q 'rdb_last_bgsave_status:err' && exit 0
  sleep 0.25
done
echo "setup: the ledger's background save did not fail as expected" >&2
exit 1
