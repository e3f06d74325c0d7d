#!/bin/sh
# Creates and starts in one go: the container is running, not waiting in Created.
docker run --detach --name web nginx
