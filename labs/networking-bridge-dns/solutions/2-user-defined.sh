#!/bin/sh
set -eu
docker network create frontend
docker network connect frontend web
docker network connect frontend client
