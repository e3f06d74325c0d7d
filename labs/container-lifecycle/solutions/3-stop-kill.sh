#!/bin/sh
set -eu
docker unpause web
docker stop web
docker start web
docker kill web
