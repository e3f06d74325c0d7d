#!/bin/sh
# The impatient fix: run as root. It writes, but the image's non-root user is gone.
docker rm --force notes
docker run --detach --name notes --user 0 --volume ${{ volume }}:/data slipway/notes
for _ in $(seq 1 20); do
  docker run --rm -v ${{ volume }}:/data busybox grep -q 'heartbeat from uid 0' /data/notes.txt && break
  sleep 0.5
done
