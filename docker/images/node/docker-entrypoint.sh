#!/bin/sh
# As in the official node image: `docker run node app.js` or `docker run node -e '…'` runs node.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1" || true)" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
    set -- node "$@"
fi
exec "$@"
