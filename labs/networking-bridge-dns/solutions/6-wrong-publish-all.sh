#!/bin/sh
# -P alone publishes the image's 5678, where nothing listens.
docker run -d --name greeter -P hashicorp/http-echo -listen=:9000 -text "hello from 9000"
