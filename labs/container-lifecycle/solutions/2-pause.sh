#!/bin/sh
set -eu
docker start web
docker pause web
