#!/bin/sh
set -eu
docker stop db
docker run --rm -v pgdata:/data:ro -v "$PWD":/backup busybox tar czf /backup/pgdata.tar.gz -C /data .
docker start db
docker volume create pgdata-restored
docker run --rm -v pgdata-restored:/data -v "$PWD":/backup busybox tar xzf /backup/pgdata.tar.gz -C /data
docker run -d --name db-restored -v pgdata-restored:/var/lib/postgresql/data postgres
for _ in $(seq 120); do docker exec db-restored pg_isready --host localhost --quiet && break; sleep 1; done
docker exec db-restored psql -U postgres -c "SELECT * FROM notes"
