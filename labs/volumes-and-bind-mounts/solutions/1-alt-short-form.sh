#!/bin/sh
# The -v spelling, a pinned tag, and a volume that -v creates on first use.
set -eu
docker run -d --name db -e POSTGRES_PASSWORD=learner -v pgdata:/var/lib/postgresql/data postgres:15
until docker exec db pg_isready --host localhost --quiet; do sleep 1; done
docker exec db psql -U postgres -c "CREATE TABLE notes (body text, written_at timestamptz DEFAULT now())"
docker exec db psql -U postgres -c "INSERT INTO notes (body) VALUES ('written before the container was replaced')"
