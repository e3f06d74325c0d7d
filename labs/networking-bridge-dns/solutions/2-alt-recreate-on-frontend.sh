#!/bin/sh
# Recreating both containers straight on the new network works as well as connecting them.
set -eu
docker network create --driver bridge frontend
docker rm --force web client
docker run -d --name web --network frontend nginx
docker run -d --name client --network frontend busybox sleep 1d
