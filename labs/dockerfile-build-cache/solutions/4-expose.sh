#!/bin/sh
set -eu
sed -i 's|^ENTRYPOINT |EXPOSE 8000\nENTRYPOINT |' greeter/Dockerfile
docker build -t greeter:v5 greeter
docker run -d --name greeter-auto -P greeter:v5
docker port greeter-auto
