#!/bin/sh
# An internal network has no way out, but the container still has a network.
docker network create --internal quiet
docker run -d --name sealed --network quiet busybox sleep 1d
