#!/bin/sh
# Creates the container but never starts it: the state check must fail.
docker create --name hello nginx
