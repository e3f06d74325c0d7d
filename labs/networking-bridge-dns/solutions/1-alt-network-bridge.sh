#!/bin/sh
# Naming the default bridge explicitly is the same network as leaving --network out.
set -eu
docker container run --detach --name web --network bridge nginx
docker run -d --name client --net=bridge busybox sleep 1d
docker network inspect --format '{{range .Containers}}{{.Name}} {{end}}' bridge
