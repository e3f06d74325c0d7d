#!/bin/sh
# Reads the configured limits, but never the live usage or the processes.
docker ps
docker inspect web >/dev/null
