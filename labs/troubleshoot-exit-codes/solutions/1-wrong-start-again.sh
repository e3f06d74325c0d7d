#!/bin/sh
# Starting again changes nothing: the file in the image is still not executable.
docker start api || true
