#!/bin/sh
set -eu
cd shop
docker compose down -v
