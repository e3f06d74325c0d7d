#!/bin/sh
# --mount type=bind wants an absolute source too; the page is edited after nginx started.
set -eu
docker run -d --name site -p 8080:80 \
  --mount type=bind,source="$PWD/site",target=/usr/share/nginx/html,readonly nginx
sed -i 's/Draft/Published/' site/index.html
