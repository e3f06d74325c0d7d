#!/bin/sh
# --volumes-from mounts db's volumes at the same paths in the helper: another classic backup.
set -eu
docker stop db
docker run --rm --volumes-from db -v "$PWD":/backup busybox \
  tar czf /backup/pgdata.tar.gz -C /var/lib/postgresql/data .
docker start db
docker run --rm --mount source=pgdata-restored,target=/data \
  --mount type=bind,source="$PWD",target=/backup,readonly busybox \
  tar xzf /backup/pgdata.tar.gz -C /data
docker run -d --name db-restored --mount source=pgdata-restored,target=/var/lib/postgresql/data postgres
until docker exec db-restored pg_isready --host localhost --quiet; do sleep 1; done
