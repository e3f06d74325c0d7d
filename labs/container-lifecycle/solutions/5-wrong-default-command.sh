#!/bin/sh
# busybox's default command is sh; with no terminal it reads end-of-file and exits at once.
docker run --name lister busybox ls /
docker run --detach --name sleeper busybox
docker exec sleeper ps || true
