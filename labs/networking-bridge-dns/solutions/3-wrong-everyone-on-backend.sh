#!/bin/sh
# Everything on one network works, and the cache is no longer out of anyone's reach.
docker network create backend
docker run -d --name cache --network backend redis
docker run -d --name api --network frontend busybox sleep 1d
docker network connect backend api
docker network connect backend client
