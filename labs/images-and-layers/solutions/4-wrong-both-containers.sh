#!/bin/sh
# Changes both containers, as if they shared one filesystem.
docker exec web1 sh -c 'echo "<h1>Changed inside web1</h1>" > /usr/share/nginx/html/index.html'
docker exec web2 sh -c 'echo "<h1>Changed inside web1</h1>" > /usr/share/nginx/html/index.html'
docker diff web1
