#!/bin/sh
# Builds the broken state on this sandbox's small disk (shared by the engine and the
# workspace): the ledger (redis, saving to its data volume), last night's backup in a volume
# of its own, and real clutter from the report builder until the disk is full. Then one more
# entry for the ledger, whose background save fails for lack of space: from then on redis
# refuses writes (MISCONF). Quick by design: the builds run while redis starts, and the disk
# fills with fallocate, which allocates real blocks at once without writing them.
set -eu
service=${{ service }}
data_volume=$service-data
backup_volume=$service-backups
backup_file=$service-nightly.rdb
last_txn=${{ last_txn }}
last_entry="txn-$last_txn +${{ last_amount }}.00"

# Two builds of the report image: the previous one, now untagged (dangling), and today's,
# whose first run left its scratch space behind. They run while redis starts.
docker build --quiet --no-cache reports >/dev/null &
old_build=$!
{ docker build --quiet --no-cache --tag slipway/reports reports >/dev/null &&
  docker run --name report-run-1 slipway/reports >/dev/null; } &
reports=$!

docker run --detach --name "$service" --restart unless-stopped --volume "$data_volume:/data" \
  redis redis-server --save 1 1 >/dev/null
for _ in $(seq 1 40); do docker exec "$service" redis-cli ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
# ledger_eval SCRIPT ARG COMMAND: a Lua script with one argument, then one more command.
ledger_eval() { docker exec "$service" sh -c 'redis-cli EVAL "$1" 0 "$2" >/dev/null && redis-cli "$3" >/dev/null' sh "$@"; }
# Weeks of entries, in one script. Each carries a reference hash, so the snapshot (about
# 500 KiB) does not compress into the little room left on the disk.
ledger_eval "for i = ARGV[1] - 10000, ARGV[1] - 1 do
    redis.call('RPUSH', 'ledger:entries', 'txn-' .. i .. ' +' .. (i * 7919 % 99991) / 100 .. ' ref:' .. redis.sha1hex(i))
  end
  redis.call('SET', 'ledger:balance', '1042.17')" "$last_txn" SAVE

# Last night's backup job: it ran, exited 0, and left its copy in a volume of its own.
docker run --name "$service-backup" --volume "$data_volume:/data:ro" --volume "$backup_volume:/backups" \
  busybox cp /data/dump.rdb "/backups/$backup_file"
wait "$old_build"
wait "$reports"

# The yearly report run asks for far more than is left, takes all of it, and fails: "No
# space left on device". 128 KiB held back meanwhile and freed after, so that logs still get
# written: a real full disk has a few blocks free now and then, never the room a snapshot
# needs.
fallocate -l 128k .held-back
docker run --name report-run-2 --env REPORT_MONTHS=12 slipway/reports >/dev/null 2>&1 || true
rm -f .held-back

# One more entry for the ledger: redis accepts it, then its background save fails (started
# at once rather than a second later, when "save 1 1" would start it).
ledger_eval "redis.call('RPUSH', 'ledger:entries', ARGV[1])
  redis.call('SET', 'ledger:last-entry', ARGV[1])" "$last_entry" BGSAVE
for _ in $(seq 1 40); do
  docker exec "$service" redis-cli INFO persistence | grep -q 'rdb_last_bgsave_status:err' && exit 0
  sleep 0.25
done
echo "setup: the ledger's background save did not fail as expected" >&2
exit 1
