#!/bin/sh
# Makes the backup, but starts db-restored on a new, empty volume: a fresh database, no notes.
docker stop db
docker run --rm -v pgdata:/data:ro -v "$PWD":/backup busybox tar czf /backup/pgdata.tar.gz -C /data .
docker start db
docker volume create pgdata-restored
docker run -d --name db-restored -e POSTGRES_PASSWORD=learner -v pgdata-restored:/var/lib/postgresql/data postgres
for _ in $(seq 120); do docker exec db-restored pg_isready --host localhost --quiet && break; sleep 1; done
