#!/bin/sh
# Recreated, but without the volume: a new, empty database.
docker rm --force db
docker run -d --name db -e POSTGRES_PASSWORD=learner postgres
for _ in $(seq 120); do docker exec db pg_isready --host localhost --quiet && break; sleep 1; done
