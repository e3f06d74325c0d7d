#!/bin/sh
set -eu
docker create --name web nginx
