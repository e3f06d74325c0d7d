#!/bin/sh
set -eu
docker run -d --name sealed --network none busybox sleep 1d
