#!/bin/sh
# Builds the broken state: a volume written for weeks by the old notes image, which ran
# as uid ${{ old_uid }}, now mounted into the new image, which runs as uid ${{ app_uid }}.
# Everything below is real: the kernel refuses the write because of the files' owner and mode.
set -eu
volume=${{ volume }}
old_uid=${{ old_uid }}
container=notes

# The old deployment's data: owned by uid ${{ old_uid }}, writable by its owner only (mode 755/644).
docker volume create "$volume" >/dev/null
docker run --rm --volume "$volume:/data" busybox sh -c "
  printf '%s\n' \
    '2026-11-20 09:14:02 order 4471 packed for Lisbon' \
    '2026-11-24 16:40:55 order 4502 returned, refund issued' \
    '2026-11-27 11:03:19 heartbeat (v1)' > /data/notes.txt
  chown -R $old_uid:$old_uid /data && chmod 755 /data && chmod 644 /data/notes.txt"

# Version 2 of notes, deployed this morning with the same volume.
docker build --quiet --tag slipway/notes notes >/dev/null
docker run --detach --name "$container" --volume "$volume:/data" slipway/notes >/dev/null

# Wait until it has failed, so the learner finds it as described.
for _ in $(seq 1 30); do
  [ "$(docker inspect --format '{{.State.Status}}' "$container")" = exited ] && exit 0
  sleep 0.5
done
echo "setup: notes did not stop as expected" >&2
exit 1
