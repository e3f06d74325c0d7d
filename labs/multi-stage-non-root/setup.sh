#!/bin/sh
# Builds the colleague's image from leaky/, the way they did: the password given as a build
# argument. Step 4 shows where it ended up.
set -eu
. ./admin.env
docker build --quiet --build-arg ADMIN_PASSWORD="$ADMIN_PASSWORD" -t status:leaky leaky >/dev/null
