#!/bin/sh
set -eu
docker run -d --name scratchpad --tmpfs /scratch:size=16m busybox sleep 1d
