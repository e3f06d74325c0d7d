#!/bin/sh
# api created on backend first, joined to frontend before it starts: the same two networks.
set -eu
docker network create backend
docker container run -d --name cache --network=backend redis
docker create --name api --network backend busybox sleep 1d
docker network connect frontend api
docker start api
