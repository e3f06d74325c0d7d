#!/bin/sh
# The same fix with Compose: every project gets a network of its own (<project>_default),
# and each service is reachable there by its service name.
set -eu
ORDERS=orders
STOREFRONT=storefront
ORDERS_PORT=8080

cat > compose.yaml <<YAML
services:
  orders:
    build: ./orders
    image: slipway/orders
    container_name: $ORDERS
    environment:
      PORT: "$ORDERS_PORT"
  storefront:
    build: ./storefront
    image: slipway/storefront
    container_name: $STOREFRONT
    environment:
      ORDERS_URL: http://$ORDERS:$ORDERS_PORT/status
YAML
docker rm --force "$ORDERS" "$STOREFRONT" >/dev/null
docker compose up --detach

# Wait (bounded) until storefront's own request by name gets through.
for _ in $(seq 1 60); do
  docker exec "$STOREFRONT" wget -q -T 3 -O- "http://$ORDERS:$ORDERS_PORT/status" >/dev/null 2>&1 && exit 0
  sleep 0.5
done
echo "storefront still cannot reach $ORDERS by name" >&2
exit 1
