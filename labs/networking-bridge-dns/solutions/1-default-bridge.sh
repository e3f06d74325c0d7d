#!/bin/sh
set -eu
docker run -d --name web nginx
docker container run -d --name client busybox sleep 1d
docker network inspect bridge
