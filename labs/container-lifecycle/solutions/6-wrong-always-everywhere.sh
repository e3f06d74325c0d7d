#!/bin/sh
# "always" looks like the safe choice, but it also restarts a job that finished its work.
docker run --detach --name crasher --restart always busybox sh -c "sleep 2; exit 1"
docker run --detach --name finisher --restart always busybox sh -c "sleep 2; exit 0"
docker run --detach --name ticker --restart always busybox sh -c "date; sleep 2"
