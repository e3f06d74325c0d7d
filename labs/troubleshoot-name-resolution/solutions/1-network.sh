#!/bin/sh
# A user-defined bridge network gives its containers Docker's embedded DNS (127.0.0.11),
# which answers with the names of the containers on it. Attach both running containers.
set -eu
ORDERS=orders
STOREFRONT=storefront
ORDERS_PORT=${{ orders_port }}
NETWORK=shop-net

docker network inspect "$NETWORK" >/dev/null 2>&1 || docker network create "$NETWORK" >/dev/null
docker network connect "$NETWORK" "$ORDERS"
docker network connect "$NETWORK" "$STOREFRONT"

# Wait (bounded) until storefront's own request by name gets through.
for _ in $(seq 1 60); do
  docker exec "$STOREFRONT" wget -q -T 3 -O- "http://$ORDERS:$ORDERS_PORT/status" >/dev/null 2>&1 && exit 0
  sleep 0.5
done
echo "storefront still cannot reach $ORDERS by name" >&2
exit 1
