#!/bin/sh
# Serves /app over HTTP on port ${{ api_port }} in the foreground, so the container stays up.
echo "api: serving on port ${{ api_port }}"
exec httpd -f -p ${{ api_port }} -h /app
