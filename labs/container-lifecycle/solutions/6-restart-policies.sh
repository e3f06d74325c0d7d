#!/bin/sh
set -eu
docker run --detach --name crasher --restart on-failure busybox sh -c "sleep 2; exit 1"
docker run --detach --name finisher --restart on-failure busybox sh -c "sleep 2; exit 0"
docker run --detach --name ticker --restart always busybox sh -c "date; sleep 2"
