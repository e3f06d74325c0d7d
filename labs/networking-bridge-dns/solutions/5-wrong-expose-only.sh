#!/bin/sh
# The image EXPOSEs 5678, but nothing publishes it.
docker run -d --name shop -p 8080:80 nginx
docker run -d --name catalog hashicorp/http-echo -text "catalog: 42 items"
