#!/bin/sh
# notes: a tiny journal service. It appends a heartbeat to /data/notes.txt every few
# seconds and stops with an error the moment it cannot write there.
set -eu
log=/data/notes.txt
while true; do
  if ! echo "$(date -u '+%F %T') heartbeat from uid $(id -u)" >>"$log"; then
    echo "notes: cannot write to $log, stopping" >&2
    exit 1
  fi
  sleep 5
done
