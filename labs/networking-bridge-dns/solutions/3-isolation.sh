#!/bin/sh
set -eu
docker network create backend
docker run -d --name cache --network backend redis
docker run -d --name api --network frontend busybox sleep 1d
docker network connect backend api
