#!/bin/sh
set -eu
docker stop ticker crasher
