#!/bin/sh
# Mirrors the official redis image's entrypoint.
set -e

# First arg is an option (`-f`, `--some-option`) or a config file: run redis-server with it.
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
    set -- redis-server "$@"
fi

if [ "$1" = redis-server ]; then
    # The official image builds redis with protected mode off by default; Debian's binary
    # keeps it on, so turn it off unless a given config file decides for itself.
    conf=
    case "$2" in -* | "") ;; *) conf=$2 ;; esac
    case " $* " in
        *" --protected-mode "*) ;;
        *)
            if [ -z "$conf" ] || ! grep -qs '^[[:space:]]*protected-mode' "$conf"; then
                set -- "$@" --protected-mode no
            fi
            ;;
    esac
    if [ "$(id -u)" = 0 ]; then
        # Let the redis user own its data directory (e.g. a fresh named volume).
        find . \! -user redis -exec chown redis '{}' + 2>/dev/null || true
        umask 0077
        exec setpriv --reuid redis --regid redis --init-groups "$@"
    fi
fi

exec "$@"
