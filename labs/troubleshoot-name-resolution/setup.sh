#!/bin/sh
# Starts two services that must talk to each other, both on Docker's default bridge, where
# containers get no name resolution. Runs in the workstation, in the workspace.
set -eu
ORDERS=orders
STOREFRONT=storefront
ORDERS_PORT=${{ orders_port }}

docker build --quiet --tag slipway/orders orders >/dev/null
docker build --quiet --tag slipway/storefront storefront >/dev/null
docker run --detach --name "$ORDERS" --env PORT="$ORDERS_PORT" slipway/orders >/dev/null
docker run --detach --name "$STOREFRONT" \
  --env ORDERS_URL="http://$ORDERS:$ORDERS_PORT/status" slipway/storefront >/dev/null

# Wait (bounded) until storefront has tried and failed once, so its logs show the symptom.
for _ in $(seq 1 60); do
  docker logs "$STOREFRONT" 2>&1 | grep -q "cannot reach" && exit 0
  sleep 0.5
done
echo "setup: storefront did not report its first attempt" >&2
docker logs "$STOREFRONT" >&2
exit 1
