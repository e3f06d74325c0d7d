#!/bin/sh
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
    networks: [frontend]
    depends_on:
      - api

  api:
    image: python
    command: ["python3", "-u", "/app/app.py"]
    volumes:
      - ./api:/app:ro
    env_file: shop.env
    networks: [frontend, backend]
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started

  db:
    image: postgres
    env_file: shop.env
    networks: [backend]
    healthcheck:
      test: ["CMD", "pg_isready", "--host", "localhost", "--username", "shop"]
      interval: 2s
      timeout: 5s
      retries: 5
      start_period: 3m

  cache:
    image: redis
    networks: [backend]

networks:
  frontend:
  backend:
YAML
docker compose up -d
