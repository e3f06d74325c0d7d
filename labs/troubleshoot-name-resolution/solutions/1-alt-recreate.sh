#!/bin/sh
# The same fix by recreating both containers on a new network, as a deploy script would.
set -eu
ORDERS=orders
STOREFRONT=storefront
ORDERS_PORT=${{ orders_port }}
NETWORK=shop-net

docker network create "$NETWORK" >/dev/null
docker rm --force "$ORDERS" "$STOREFRONT" >/dev/null
docker container run --detach --name "$ORDERS" --network "$NETWORK" \
  --env PORT="$ORDERS_PORT" slipway/orders >/dev/null
docker container run --detach --name "$STOREFRONT" --network "$NETWORK" \
  --env ORDERS_URL="http://$ORDERS:$ORDERS_PORT/status" slipway/storefront >/dev/null

# Wait (bounded) until storefront's own request by name gets through.
for _ in $(seq 1 60); do
  docker exec "$STOREFRONT" wget -q -T 3 -O- "http://$ORDERS:$ORDERS_PORT/status" >/dev/null 2>&1 && exit 0
  sleep 0.5
done
echo "storefront still cannot reach $ORDERS by name" >&2
exit 1
