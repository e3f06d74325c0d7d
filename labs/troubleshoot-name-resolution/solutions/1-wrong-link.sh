#!/bin/sh
# --link writes orders' current address into storefront's /etc/hosts: the legacy feature
# the default bridge offers instead of DNS. It breaks as soon as orders gets a new address.
ORDERS=orders
STOREFRONT=storefront
ORDERS_PORT=${{ orders_port }}

docker rm --force "$STOREFRONT" >/dev/null
docker run --detach --name "$STOREFRONT" --link "$ORDERS" \
  --env ORDERS_URL="http://$ORDERS:$ORDERS_PORT/status" slipway/storefront >/dev/null
