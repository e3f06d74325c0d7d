#!/bin/sh
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
      retries: 30

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
docker compose up -d
