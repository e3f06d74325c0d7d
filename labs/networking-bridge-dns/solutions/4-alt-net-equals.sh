#!/bin/sh
set -eu
docker container run --detach --name sealed --net=none busybox sleep 1d
