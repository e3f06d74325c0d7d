#!/bin/sh
# Shares are a weight under contention, not a cap: alone on a CPU, spin still takes all of it.
docker run --detach --name spin --cpu-shares 512 busybox sh -c 'while true; do :; done & exec sleep 120'
