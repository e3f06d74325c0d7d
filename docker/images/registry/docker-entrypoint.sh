#!/bin/sh
# As the official image: a config path (or nothing) means `registry serve <config>`; any other
# command runs as given.
set -e
case "$1" in
*.yaml | *.yml) set -- /usr/bin/docker-registry serve "$@" ;;
serve | garbage-collect | help | -*) set -- /usr/bin/docker-registry "$@" ;;
esac
exec "$@"
