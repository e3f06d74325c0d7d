#!/bin/sh
# The fully qualified spelling of the same pinned base.
set -eu
sed -i 's|^FROM python$|FROM docker.io/library/python:3.11|' status/Dockerfile
docker build -t status:1 status
