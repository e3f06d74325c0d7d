#!/bin/sh
# Runs the image's default command: a web server that never prints its version and never exits.
docker run -d --name version nginx
