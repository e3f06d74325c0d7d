#!/bin/sh
# Starts the stack and lists it, but never asks api why it stopped.
cd shop
docker compose up -d
docker compose ps
