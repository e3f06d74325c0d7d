#!/bin/sh
set -eu
sed -i 's|^FROM python$|FROM python:3.11|' status/Dockerfile
docker build -t status:1 status
