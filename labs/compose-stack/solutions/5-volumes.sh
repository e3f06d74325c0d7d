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
    volumes:
      - db-data:/var/lib/postgresql/data
    networks: [backend]
    healthcheck:
      test: ["CMD", "pg_isready", "--host", "localhost", "--username", "shop"]
      interval: 2s
      timeout: 5s
      retries: 5
      start_period: 3m

  cache:
    image: redis
    volumes:
      - cache-data:/data
    networks: [backend]

networks:
  frontend:
  backend:

volumes:
  db-data:
  cache-data:
YAML
# v1 keeps a recreated container's old anonymous volume: down first, so db and cache are new.
docker compose down
docker compose up -d
until_api() {
  for _ in $(seq 90); do curl -sf --max-time 5 localhost:8080/api/ && return 0; sleep 1; done
  echo "the shop did not answer within about 90 s" >&2
  return 1
}
until_api
curl -sf --max-time 5 -X POST localhost:8080/api/notes -d 'buy more basil'
docker compose down
docker compose up -d
until_api
