#!/bin/sh
set -eu
docker logs hello
