#!/bin/sh
# A memory limit alone lets the container use as much again in swap.
docker run --detach --name web --memory 64m nginx
