#!/bin/sh
# Builds twice around a code change, but with the code still copied before the install:
# the install runs again and makes a new layer.
set -eu
docker build -t greeter:v1 greeter
echo '# a code-only change' >>greeter/app.py
docker build -t greeter:v2 greeter
