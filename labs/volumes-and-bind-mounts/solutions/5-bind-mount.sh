#!/bin/sh
set -eu
docker run -d --name site -p 8080:80 -v "$PWD/site":/usr/share/nginx/html:ro nginx
sed -i 's/Draft/Published/' site/index.html
