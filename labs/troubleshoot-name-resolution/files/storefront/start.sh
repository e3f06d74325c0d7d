#!/bin/sh
# storefront: asks the orders service for its status every two seconds and logs the answer.
set -eu
: "${ORDERS_URL:?storefront: set ORDERS_URL, e.g. http://orders:8080/status}"
echo "storefront: started, using $ORDERS_URL"
while true; do
  if status=$(wget -q -O- "$ORDERS_URL" 2>&1); then
    echo "storefront: orders answered: $status"
  else
    echo "storefront: cannot reach orders: $status"
  fi
  sleep 2
done
