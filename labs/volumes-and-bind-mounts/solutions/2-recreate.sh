#!/bin/sh
set -eu
docker rm --force db
docker run -d --name db -e POSTGRES_PASSWORD=learner -v pgdata:/var/lib/postgresql/data postgres
for _ in $(seq 120); do docker exec db pg_isready --host localhost --quiet && break; sleep 1; done
docker exec db psql -U postgres -c "SELECT * FROM notes"
