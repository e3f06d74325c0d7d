#!/bin/sh
# EXPOSE in the image, but nothing published: the port is documented, not reachable.
set -eu
sed -i 's|^ENTRYPOINT |EXPOSE 8000\nENTRYPOINT |' greeter/Dockerfile
docker build -t greeter:v5 greeter
docker run -d --name greeter-auto greeter:v5
