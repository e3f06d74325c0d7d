#!/bin/sh
# Clears the conflict by removing every container, the service included.
docker rm --force $(docker ps --all --quiet) >/dev/null
