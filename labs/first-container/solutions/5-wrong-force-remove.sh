#!/bin/sh
# Removes it without stopping it first: the lesson asks for a clean stop.
docker rm --force hello
