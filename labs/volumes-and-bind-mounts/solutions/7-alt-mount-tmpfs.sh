#!/bin/sh
set -eu
docker container run -d --name scratchpad \
  --mount type=tmpfs,target=/scratch,tmpfs-size=33554432 busybox sleep 1d
