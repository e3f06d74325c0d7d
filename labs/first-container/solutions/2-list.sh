#!/bin/sh
set -eu
docker ps
