#!/bin/sh
# Start over with an empty volume owned by the right user: notes works, the old notes are gone.
docker rm --force notes
docker volume rm ${{ volume }}
docker volume create ${{ volume }}
docker run --rm --volume ${{ volume }}:/data busybox chown ${{ app_uid }}:${{ app_uid }} /data
docker run --detach --name notes --volume ${{ volume }}:/data slipway/notes
for _ in $(seq 1 20); do
  docker run --rm -v ${{ volume }}:/data busybox grep -q 'heartbeat from uid' /data/notes.txt && break
  sleep 0.5
done
