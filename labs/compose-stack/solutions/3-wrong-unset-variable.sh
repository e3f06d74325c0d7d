#!/bin/sh
# Swaps the password for ${POSTGRES_PASSWORD} but gives Compose no value for it: Compose
# warns and uses an empty string, and api can no longer log in.
cd shop
sed -i 's|POSTGRES_PASSWORD: tomato-basil-7|POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}|' compose.yaml
docker compose up -d
