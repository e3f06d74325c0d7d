#!/bin/sh
# Pins today's IP address of orders in storefront's /etc/hosts with --add-host.
ORDERS=orders
STOREFRONT=storefront
ORDERS_PORT=8080

ip=$(docker inspect --format '{{.NetworkSettings.IPAddress}}' "$ORDERS")
docker rm --force "$STOREFRONT" >/dev/null
docker run --detach --name "$STOREFRONT" --add-host "$ORDERS:$ip" \
  --env ORDERS_URL="http://$ORDERS:$ORDERS_PORT/status" slipway/storefront >/dev/null
