#!/bin/sh
# Runs when the container starts, so the admin password comes from the container's
# environment and is written only to /tmp, inside this one container: never to an image
# layer. Then runs the image's CMD.
set -eu
: "${ADMIN_PASSWORD:?is not set: pass it when you run the container, e.g. --env-file admin.env}"
printf '/admin:admin:%s\n' "$ADMIN_PASSWORD" >/tmp/httpd.conf
exec "$@"
