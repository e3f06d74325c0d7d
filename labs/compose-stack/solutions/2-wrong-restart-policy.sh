#!/bin/sh
# Papers over the race: api may crash and be restarted until the database happens to be up.
cd shop
sed -i 's|^    command: \["python3"|    restart: on-failure\n    command: ["python3"|' compose.yaml
docker compose up -d
