#!/bin/sh
# The same values, so Compose computes the same containers and recreates none.
set -eu
cd shop
printf 'POSTGRES_USER=shop\nPOSTGRES_PASSWORD=tomato-basil-7\nPOSTGRES_DB=shop\n' > shop.env
cat > compose.yaml <<'YAML'
services:
  web:
    image: nginx
    ports:
      - "8080:80"
    volumes:
      - ./web/default.conf:/etc/nginx/conf.d/default.conf:ro
      - ./web/html:/usr/share/nginx/html:ro
    depends_on:
      - api

  api:
    image: python
    command: ["python3", "-u", "/app/app.py"]
    volumes:
      - ./api:/app:ro
    env_file: shop.env
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started

  db:
    image: postgres
    env_file: shop.env
    healthcheck:
      test: ["CMD", "pg_isready", "--host", "localhost", "--username", "shop"]
      interval: 2s
      timeout: 5s
      retries: 5
      start_period: 3m

  cache:
    image: redis
YAML
# No `docker compose up -d` needed: it would report every container up-to-date.
