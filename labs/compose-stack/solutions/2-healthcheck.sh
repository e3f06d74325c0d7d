#!/bin/sh
# The v1 spelling, docker-compose, to prove both work.
set -eu
cd shop
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
    environment:
      POSTGRES_USER: shop
      POSTGRES_PASSWORD: tomato-basil-7
      POSTGRES_DB: shop
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started

  db:
    image: postgres
    environment:
      POSTGRES_USER: shop
      POSTGRES_PASSWORD: tomato-basil-7
      POSTGRES_DB: shop
    healthcheck:
      test: ["CMD", "pg_isready", "--host", "localhost", "--username", "shop"]
      interval: 2s
      timeout: 5s
      retries: 5
      start_period: 3m

  cache:
    image: redis
YAML
docker-compose up -d
