#!/bin/sh
set -eu
printf '.env\nlogs/\n' >greeter/.dockerignore
docker build -t greeter:v3 greeter
