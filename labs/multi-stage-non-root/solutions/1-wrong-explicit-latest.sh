#!/bin/sh
# Writes the tag out, but latest is still a pointer that moves with every release.
set -eu
sed -i 's|^FROM python$|FROM python:latest|' status/Dockerfile
docker build -t status:1 status
