#!/bin/sh
set -eu
docker stop hello
docker rm hello
