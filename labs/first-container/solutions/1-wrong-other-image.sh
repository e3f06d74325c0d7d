#!/bin/sh
# Runs the right name with the wrong image: the image check must reject it.
docker run -d --name hello redis
