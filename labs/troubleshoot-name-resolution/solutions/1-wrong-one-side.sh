#!/bin/sh
# Half the fix: storefront joins a user-defined network, but orders is not on it, so
# Docker's DNS there has no record of orders.
STOREFRONT=storefront
NETWORK=shop-net

docker network create "$NETWORK" >/dev/null
docker network connect "$NETWORK" "$STOREFRONT"
