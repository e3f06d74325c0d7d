#!/bin/sh
# Stop, then remove, then recreate with the --mount spelling: the same volume, a new container.
set -eu
docker stop db
docker container rm db
docker container run -d --name db -e POSTGRES_PASSWORD=learner \
  --mount source=pgdata,target=/var/lib/postgresql/data postgres
until docker exec db pg_isready --host localhost --quiet; do sleep 1; done
