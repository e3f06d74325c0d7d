#!/bin/sh
# Lists images, not containers.
docker images
