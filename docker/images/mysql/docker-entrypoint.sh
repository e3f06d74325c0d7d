#!/usr/bin/env bash
# A condensed version of the official mysql/mariadb images' entrypoint, for MariaDB.
set -Eeo pipefail

log() { printf '%s [Note] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$*"; }
warn() { printf '%s [Warn] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$*" >&2; }
error() {
    printf '%s [ERROR] [Entrypoint]: %s\n' "$(date --rfc-3339=seconds)" "$*" >&2
    exit 1
}

# file_env VAR [DEFAULT]: VAR may also be given as VAR_FILE (e.g. a Docker secret);
# MARIADB_* spellings are accepted as aliases of MYSQL_*.
file_env() {
    local var=$1 fileVar="${1}_FILE" alias="MARIADB_${1#MYSQL_}" def=${2:-}
    local val=$def
    if [ "${!var:-}" ]; then
        val=${!var}
    elif [ "${!fileVar:-}" ]; then
        val=$(<"${!fileVar}")
    elif [ "${!alias:-}" ]; then
        val=${!alias}
    fi
    export "$var"="$val"
    unset "$fileVar"
}

# `docker run mysql --character-set-server=utf8mb4` means `mariadbd --character-set-server=…`.
if [ "${1:0:1}" = '-' ]; then
    set -- mariadbd "$@"
fi
case "$1" in mysqld | mariadbd) ;; *) exec "$@" ;; esac
for arg; do
    case "$arg" in --help | -'?' | --version | -V | --verbose=* ) exec "$@" ;; esac
done
shift
server=(mariadbd --user=mysql --bind-address=0.0.0.0 --port=3306 "$@")

DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock

if [ "$(id -u)" = 0 ]; then
    mkdir -p "$DATADIR" /run/mysqld
    find "$DATADIR" /run/mysqld \! -user mysql -exec chown mysql:mysql '{}' + 2>/dev/null || :
fi

if [ -d "$DATADIR/mysql" ]; then
    log "Database files found in $DATADIR; skipping initialization"
    exec "${server[@]}"
fi

for v in ROOT_PASSWORD ALLOW_EMPTY_PASSWORD RANDOM_ROOT_PASSWORD DATABASE USER PASSWORD ROOT_HOST; do
    file_env "MYSQL_$v"
done
: "${MYSQL_ROOT_HOST:=%}"
if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "$MYSQL_ALLOW_EMPTY_PASSWORD" ] && [ -z "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
    error $'Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD'
fi
if [ "$MYSQL_USER" = root ]; then
    error $'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user\n    Remove MYSQL_USER="root" and use one of the following to control the root user password:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD'
fi
if [ -n "$MYSQL_USER" ] && [ -z "$MYSQL_PASSWORD" ]; then
    warn 'MYSQL_USER specified, but missing MYSQL_PASSWORD; MYSQL_USER will not be created'
elif [ -z "$MYSQL_USER" ] && [ -n "$MYSQL_PASSWORD" ]; then
    warn 'MYSQL_PASSWORD specified, but missing MYSQL_USER; MYSQL_PASSWORD will be ignored'
fi
if [ -n "$MYSQL_RANDOM_ROOT_PASSWORD" ] && [ -z "$MYSQL_ROOT_PASSWORD" ]; then
    MYSQL_ROOT_PASSWORD=$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 || :)
    log "GENERATED ROOT PASSWORD: $MYSQL_ROOT_PASSWORD"
fi

log 'Initializing database files'
mariadb-install-db --user=mysql --datadir="$DATADIR" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve --skip-log-bin --default-time-zone=SYSTEM >/dev/null
log 'Database files initialized'

log 'Starting temporary server'
mariadbd --user=mysql --skip-networking --socket="$SOCKET" --skip-log-bin \
    --loose-innodb_buffer_pool_load_at_startup=0 --loose-innodb_buffer_pool_dump_at_shutdown=0 &
tmp_pid=$!
for _ in $(seq 60); do
    if mariadb-admin --protocol=socket --socket="$SOCKET" -uroot ping >/dev/null 2>&1; then break; fi
    kill -0 "$tmp_pid" 2>/dev/null || error 'Unable to start the temporary server'
    sleep 1
done
mariadb-admin --protocol=socket --socket="$SOCKET" -uroot ping >/dev/null 2>&1 \
    || error 'Unable to start the temporary server'
log 'Temporary server started'

sql_escape() { sed -e "s/\\\\/\\\\\\\\/g" -e "s/'/\\\\'/g" <<<"$1"; }
rootpw=$(sql_escape "$MYSQL_ROOT_PASSWORD")
{
    echo "SET @@SESSION.SQL_LOG_BIN=0;"
    echo "DELETE FROM mysql.global_priv WHERE User='' OR (User='root' AND Host NOT IN ('localhost'));"
    echo "DELETE FROM mysql.proxies_priv WHERE Host NOT IN ('localhost');"
    echo "FLUSH PRIVILEGES;"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '$rootpw';"
    if [ "$MYSQL_ROOT_HOST" != localhost ]; then
        host=$(sql_escape "$MYSQL_ROOT_HOST")
        echo "CREATE USER 'root'@'$host' IDENTIFIED BY '$rootpw';"
        echo "GRANT ALL ON *.* TO 'root'@'$host' WITH GRANT OPTION;"
        echo "GRANT PROXY ON ''@'%' TO 'root'@'$host' WITH GRANT OPTION;"
    fi
    if [ -n "$MYSQL_DATABASE" ]; then
        echo "CREATE DATABASE IF NOT EXISTS \`${MYSQL_DATABASE//\`/\`\`}\`;"
    fi
    if [ -n "$MYSQL_USER" ] && [ -n "$MYSQL_PASSWORD" ]; then
        user=$(sql_escape "$MYSQL_USER")
        echo "CREATE USER '$user'@'%' IDENTIFIED BY '$(sql_escape "$MYSQL_PASSWORD")';"
        if [ -n "$MYSQL_DATABASE" ]; then
            echo "GRANT ALL ON \`${MYSQL_DATABASE//\`/\`\`}\`.* TO '$user'@'%';"
        fi
    fi
    echo "FLUSH PRIVILEGES;"
} | mariadb --protocol=socket --socket="$SOCKET" -uroot --database=mysql

# From here on root has its password.
export MYSQL_PWD=$MYSQL_ROOT_PASSWORD
client=(mariadb --protocol=socket --socket="$SOCKET" -uroot)
if [ -n "$MYSQL_DATABASE" ]; then client+=(--database="$MYSQL_DATABASE"); fi

shopt -s nullglob
for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
        *.sh)
            if [ -x "$f" ]; then
                log "$0: running $f"
                "$f"
            else
                log "$0: sourcing $f"
                # shellcheck disable=SC1090
                . "$f"
            fi
            ;;
        *.sql) log "$0: running $f"; "${client[@]}" <"$f" ;;
        *.sql.gz) log "$0: running $f"; gunzip -c "$f" | "${client[@]}" ;;
        *) log "$0: ignoring $f" ;;
    esac
done
shopt -u nullglob

log 'Stopping temporary server'
mariadb-admin --protocol=socket --socket="$SOCKET" -uroot shutdown
wait "$tmp_pid" || :
unset MYSQL_PWD
log 'Temporary server stopped'
log 'MariaDB init process done. Ready for start up.'
exec "${server[@]}"
