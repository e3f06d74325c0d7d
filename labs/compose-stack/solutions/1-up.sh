#!/bin/sh
set -eu
cd shop
docker compose up -d
docker compose ps
docker compose logs api
