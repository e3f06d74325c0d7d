#!/usr/bin/env bash
# A condensed version of the official postgres image's entrypoint.
set -Eeo pipefail

# file_env VAR [DEFAULT]: VAR may also be given as VAR_FILE (e.g. a Docker secret).
file_env() {
    local var=$1 fileVar="${1}_FILE" def=${2:-}
    if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then
        echo >&2 "error: both $var and $fileVar are set (but are exclusive)"
        exit 1
    fi
    local val=$def
    if [ "${!var:-}" ]; then
        val=${!var}
    elif [ "${!fileVar:-}" ]; then
        val=$(<"${!fileVar}")
    fi
    export "$var"="$val"
    unset "$fileVar"
}

# `docker run postgres -c shared_buffers=256MB` means `postgres -c …`.
if [ "${1:0:1}" = '-' ]; then
    set -- postgres "$@"
fi

want_help() {
    local arg
    for arg; do
        case "$arg" in -'?' | --help | --describe-config | -V | --version) return 0 ;; esac
    done
    return 1
}

if [ "$1" != postgres ] || want_help "$@"; then
    exec "$@"
fi

# As root: fix ownership of the data and socket directories, then re-run as postgres.
if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA" || :
    chmod 3777 /var/run/postgresql || :
    if [ "${POSTGRES_INITDB_WALDIR:-}" ]; then
        mkdir -p "$POSTGRES_INITDB_WALDIR" && chown postgres:postgres "$POSTGRES_INITDB_WALDIR"
    fi
    exec setpriv --reuid postgres --regid postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"
file_env POSTGRES_INITDB_ARGS
: "${POSTGRES_HOST_AUTH_METHOD:=}"

if [ -s "$PGDATA/PG_VERSION" ]; then
    echo
    echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
    echo
    exec "$@"
fi

if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'EOE'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "Trust Authentication":
       https://www.postgresql.org/docs/current/auth-trust.html
EOE
    exit 1
fi
if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
    cat >&2 <<'EOWARN'
********************************************************************************
WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
         anyone with access to the Postgres port to access your database without
         a password, even if POSTGRES_PASSWORD is set.
********************************************************************************
EOWARN
fi

# initdb (local socket connections stay "trust", as in the official image).
pwfile=$(umask 077 && mktemp)
printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
initdb_args=(--username="$POSTGRES_USER" --pwfile="$pwfile")
if [ "${POSTGRES_INITDB_WALDIR:-}" ]; then
    initdb_args+=(--waldir "$POSTGRES_INITDB_WALDIR")
fi
# shellcheck disable=SC2086
initdb "${initdb_args[@]}" $POSTGRES_INITDB_ARGS
rm -f "$pwfile"

# Host connections need a password (scram-sha-256 is PostgreSQL 15's default encryption).
auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
printf '\nhost all all all %s\n' "$auth" >>"$PGDATA/pg_hba.conf"

# Temporary server on the unix socket only, for creating the database and running init scripts.
PGUSER=$POSTGRES_USER PGPASSWORD=$POSTGRES_PASSWORD \
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start

psql_cmd=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
export PGPASSWORD=$POSTGRES_PASSWORD
if [ "$POSTGRES_DB" != postgres ]; then
    "${psql_cmd[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db" ;'
    echo
fi
psql_cmd+=(--dbname "$POSTGRES_DB")

echo
shopt -s nullglob
for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
        *.sh)
            if [ -x "$f" ]; then
                echo "$0: running $f"
                "$f"
            else
                echo "$0: sourcing $f"
                # shellcheck disable=SC1090
                . "$f"
            fi
            ;;
        *.sql) echo "$0: running $f"; "${psql_cmd[@]}" -f "$f"; echo ;;
        *.sql.gz) echo "$0: running $f"; gunzip -c "$f" | "${psql_cmd[@]}"; echo ;;
        *) echo "$0: ignoring $f" ;;
    esac
done
shopt -u nullglob

pg_ctl -D "$PGDATA" -m fast -w stop
unset PGPASSWORD

echo
echo 'PostgreSQL init process complete; ready for start up.'
echo
exec "$@"
