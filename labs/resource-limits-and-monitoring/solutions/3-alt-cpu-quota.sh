#!/bin/sh
# The same cap spelt out: 50 ms of CPU time in every 100 ms period.
set -eu
docker container run -d --name spin --cpu-period 100000 --cpu-quota 50000 busybox \
  sh -c 'while true; do :; done & exec sleep 30'
