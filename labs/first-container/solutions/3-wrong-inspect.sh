#!/bin/sh
# Looks at the container, but not at its logs.
docker inspect hello >/dev/null
