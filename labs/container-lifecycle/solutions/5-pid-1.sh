#!/bin/sh
set -eu
docker run --name lister busybox ls /
docker run --detach --name sleeper busybox sleep 3600
docker exec sleeper ps
