#!/bin/sh
# The --mount spelling, and `docker container run`, to prove the checks accept them.
set -eu
docker volume create pgdata
docker container run -d --name db -e POSTGRES_PASSWORD=learner \
  --mount type=volume,source=pgdata,target=/var/lib/postgresql/data postgres
for _ in $(seq 120); do docker exec db pg_isready --host localhost --quiet && break; sleep 1; done
docker exec db psql -U postgres -c "CREATE TABLE notes (body text, written_at timestamptz DEFAULT now())"
docker exec db psql -U postgres -c "INSERT INTO notes (body) VALUES ('written before the container was replaced')"
