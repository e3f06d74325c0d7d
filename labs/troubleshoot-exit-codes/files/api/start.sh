#!/bin/sh
# Serves /app over HTTP on port 8080 in the foreground, so the container stays up.
echo "api: serving on port 8080"
exec httpd -f -p 8080 -h /app
