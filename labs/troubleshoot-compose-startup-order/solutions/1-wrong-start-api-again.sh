#!/bin/sh
# Start the api by hand now that the db is up: it works until the next restart of the stack.
docker start shop_api_1
for _ in $(seq 1 60); do curl -sf localhost:8000/ >/dev/null && break; sleep 0.5; done
