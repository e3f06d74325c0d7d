#!/bin/sh
# Publishing on 127.0.0.1 only, and -P in its short form: both still publish.
set -eu
docker run -d --name shop -p 127.0.0.1:8080:80 nginx
docker run -d --name catalog -P hashicorp/http-echo -text "catalog: 42 items"
