#!/bin/sh
set -eu
docker stats --no-stream
docker top web
