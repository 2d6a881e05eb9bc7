#!/usr/bin/env bash
# Sourced by tests/run.sh: a throwaway PostgreSQL for the store tests. Installs Debian's `postgresql` when its server
# binaries are missing (fresh machine, as root), initialises a cluster in a temp folder owned by the postgres user,
# starts it on 127.0.0.1 on a free port, creates a database and exports
#   GUIDELINEBOT_TEST_POSTGRES       an Npgsql connection string (password auth over TCP)
#   GUIDELINEBOT_TEST_POSTGRES_DATA  the cluster folder, for postgres-stop.sh
# On failure it says why and exports nothing: the PostgreSQL tests then fail under CI=true (and skip on a dev machine).

guidelinebot_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

guidelinebot_pg_start() {
  local bin datadir port password tries
  bin=$(guidelinebot_pg_bin)
  if [ -z "$bin" ]; then
    echo "postgres-start: installing PostgreSQL from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || { echo "postgres-start: apt-get update failed"; return 1; }
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null || { echo "postgres-start: apt-get install postgresql failed"; return 1; }
    bin=$(guidelinebot_pg_bin)
    [ -n "$bin" ] || { echo "postgres-start: no initdb/pg_ctl under /usr/lib/postgresql/*/bin after install"; return 1; }
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1

  datadir=$(mktemp -d "${TMPDIR:-/tmp}/guidelinebot-pg.XXXXXX") || return 1
  chown postgres: "$datadir" && chmod 700 "$datadir" || return 1
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" > "$datadir/.pwfile" && chown postgres: "$datadir/.pwfile" || return 1

  if ! runuser -u postgres -- "$bin/initdb" -D "$datadir/data" -U postgres --pwfile="$datadir/.pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$datadir/initdb.log" 2>&1; then
    echo "postgres-start: initdb failed:"; tail -n 20 "$datadir/initdb.log"; rm -rf "$datadir"; return 1
  fi
  rm -f "$datadir/.pwfile"

  for tries in 1 2 3 4 5; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    # Something already answers on that port: pick another.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if runuser -u postgres -- "$bin/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w -t 60 \
          -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$datadir -c fsync=off -c max_connections=200" \
          start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "postgres-start: the server did not start:"; tail -n 20 "$datadir/server.log" 2>/dev/null; rm -rf "$datadir"; return 1
  fi

  if ! runuser -u postgres -- "$bin/psql" -h "$datadir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE DATABASE guidelinebot_test" >/dev/null; then
    echo "postgres-start: CREATE DATABASE failed"
    runuser -u postgres -- "$bin/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$datadir"; return 1
  fi

  export GUIDELINEBOT_TEST_POSTGRES_DATA="$datadir"
  export GUIDELINEBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=guidelinebot_test;Username=postgres;Password=$password;Maximum Pool Size=50"
  echo "postgres-start: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (GUIDELINEBOT_TEST_POSTGRES set)"
}

if ! guidelinebot_pg_start; then
  echo "postgres-start: PostgreSQL unavailable; its tests fail under CI=true" >&2
fi
unset -f guidelinebot_pg_start guidelinebot_pg_bin
