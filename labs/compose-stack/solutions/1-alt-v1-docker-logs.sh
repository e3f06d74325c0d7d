#!/bin/sh
# The v1 spelling, and the plain docker CLI for the logs: the same calls reach the engine.
set -eu
cd shop
docker-compose up -d
docker-compose ps
docker logs shop_api_1
