#!/bin/sh
# The limit is there, but nothing ever pushed against it.
docker run --detach --name bomb --pids-limit 64 busybox sleep 120
docker run --name canary busybox echo "the engine still starts containers"
