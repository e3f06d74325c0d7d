#!/bin/sh
# Start over with an empty volume owned by the right user: notes works, the old notes are gone.
docker rm --force notes
docker volume rm notes-data
docker volume create notes-data
docker run --rm --volume notes-data:/data busybox chown 1000:1000 /data
docker run --detach --name notes --volume notes-data:/data slipway/notes
for _ in $(seq 1 20); do
  docker run --rm -v notes-data:/data busybox grep -q 'heartbeat from uid' /data/notes.txt && break
  sleep 0.5
done
