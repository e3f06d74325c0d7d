#!/bin/sh
# Starts the stack, but never asks api why it stopped.
cd shop
docker compose up -d
