#!/bin/sh
# No -v: the image's VOLUME gives db an anonymous volume, which is not pgdata.
docker run -d --name db -e POSTGRES_PASSWORD=learner postgres
for _ in $(seq 120); do docker exec db pg_isready --host localhost --quiet && break; sleep 1; done
docker exec db psql -U postgres -c "CREATE TABLE notes (body text, written_at timestamptz DEFAULT now())"
docker exec db psql -U postgres -c "INSERT INTO notes (body) VALUES ('written before the container was replaced')"
