#!/bin/sh
# Stops but leaves the container behind.
docker stop hello
