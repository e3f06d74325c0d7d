#!/bin/sh
# Open the data to every user on the machine: notes writes again, and so could anyone.
docker run --rm --volume notes-data:/data busybox chmod -R 777 /data
docker start notes
for _ in $(seq 1 20); do
  docker run --rm -v notes-data:/data busybox grep -q 'heartbeat from uid 1000' /data/notes.txt && break
  sleep 0.5
done
