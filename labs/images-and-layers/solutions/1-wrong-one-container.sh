#!/bin/sh
# One container only: the point is that one image serves many.
docker run -d --name web1 nginx
