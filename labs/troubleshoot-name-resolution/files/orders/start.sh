#!/bin/sh
# orders: answers GET /status with a one-line summary, on the port given in PORT.
set -eu
: "${PORT:?orders: set PORT, the port to serve on}"
mkdir -p /www
echo "orders: ok, ${{ open_orders }} open orders" > /www/status
echo "orders: serving on port $PORT"
exec httpd -f -p "$PORT" -h /www
