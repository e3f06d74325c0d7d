#!/bin/sh
# Same answer on localhost:8088, but through a published port on the bridge.
docker run -d --name hostecho -p 8088:5678 hashicorp/http-echo -text "hello from the host network"
