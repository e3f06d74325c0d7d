#!/bin/sh
# The long command forms, a smaller limit, and a canary that only has to start and exit 0.
set -eu
docker container run -d --name bomb --pids-limit=32 --cpus=0.5 busybox \
  sh -c 'f() { f | f & }; f; exec sleep 60'
for _ in $(seq 1 60); do
  docker container logs bomb 2>&1 | grep -q "fork" && break
  sleep 0.5
done
docker container run --name canary busybox true
