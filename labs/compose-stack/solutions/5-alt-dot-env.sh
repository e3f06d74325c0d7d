#!/bin/sh
# The other fair way the step names: ${POSTGRES_PASSWORD} in compose.yaml, its value in .env.
set -eu
cd shop
printf 'POSTGRES_PASSWORD=tomato-basil-7\n' > .env
sed -i 's|POSTGRES_PASSWORD: tomato-basil-7|POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}|' compose.yaml
docker compose up -d
