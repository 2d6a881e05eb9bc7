#!/usr/bin/env bash
# Run by tests/run.sh at exit: stops the throwaway PostgreSQL that postgres-start.sh started and removes its folder.
datadir="${GUIDELINEBOT_TEST_POSTGRES_DATA:-}"
[ -n "$datadir" ] && [ -d "$datadir" ] || exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -f "$datadir/data/postmaster.pid" ] && [ -n "$bin" ]; then
  runuser -u postgres -- "$bin/pg_ctl" -D "$datadir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
    || runuser -u postgres -- "$bin/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$datadir"
echo "postgres-stop: stopped and removed $datadir"
