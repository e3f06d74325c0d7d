#!/bin/sh
# Like the official nginx image's entrypoint, only when the command is nginx:
#  - drop the IPv6 listen line from the stock default.conf when the kernel has no IPv6,
#  - render /etc/nginx/templates/*.template into /etc/nginx/conf.d with envsubst,
#  - run /docker-entrypoint.d/*.sh hooks.
set -e
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    if [ ! -f /proc/net/if_inet6 ] && [ -w /etc/nginx/conf.d/default.conf ] \
        && grep -q 'listen  \[::\]:80;' /etc/nginx/conf.d/default.conf; then
        echo "$0: IPv6 not available, removing the [::]:80 listen from default.conf"
        sed -i '/listen  \[::\]:80;/d' /etc/nginx/conf.d/default.conf || true
    fi
    if [ -d /etc/nginx/templates ]; then
        defined=$(printf '${%s} ' $(env | cut -d= -f1))
        for t in /etc/nginx/templates/*.template; do
            [ -f "$t" ] || continue
            out=/etc/nginx/conf.d/$(basename "$t" .template)
            echo "$0: rendering $t to $out"
            envsubst "$defined" <"$t" >"$out"
        done
    fi
    for f in /docker-entrypoint.d/*.sh; do
        [ -f "$f" ] || continue
        if [ -x "$f" ]; then
            echo "$0: running $f"
            "$f"
        else
            echo "$0: ignoring $f, not executable"
        fi
    done
    echo "$0: configuration complete; ready for start up"
fi
exec "$@"
