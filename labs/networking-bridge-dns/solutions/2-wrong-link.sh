#!/bin/sh
# The legacy --link writes web into client's /etc/hosts: the name works, but on no network of yours.
docker rm --force client
docker run -d --name client --link web busybox sleep 1d
