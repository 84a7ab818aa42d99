#!/usr/bin/env bash
# Issue 7's benchmark in one command (see docs/BENCHMARKS.md):
#
#   it/bench.sh [devices] [Maven options…]     e.g. it/bench.sh 100000 -Dbench.api.rate=500
#
# devices: 10000 (default), 100000 or 1000000 members with one device each.
# Without BENCH_DB_URL it runs on the local PostgreSQL, installed and started as CI does (.ci/run;
# needs root), in a database of its own, herald_bench, dropped and created again for every run so
# that each run starts from the same empty state. With BENCH_DB_URL (and BENCH_DB_USER,
# BENCH_DB_PASSWORD) it uses that database as it is, in a schema named bench.
# BENCH_PG_STATEMENTS=1 (local database only) loads pg_stat_statements (a server restart the
# first time) so that the report lists the statements PostgreSQL spent the broadcast's time on.
set -euo pipefail
cd "$(dirname "$0")/.."

devices="${1:-10000}"
if [ $# -gt 0 ]; then shift; fi

if [ -z "${BENCH_DB_URL:-}" ]; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  fi
  cluster_version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  if ! pg_lsclusters --no-header | awk -v v="$cluster_version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main start
  fi
  for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
    sleep 1
  done
  if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ] \
    && ! su postgres -c "psql -tA -c 'SHOW shared_preload_libraries'" | grep -q pg_stat_statements; then
    su postgres -c "psql -q -c \"ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'\""
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main restart
    for _ in $(seq 1 30); do
      su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
      sleep 1
    done
  fi
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'herald_bench') THEN
    CREATE ROLE herald_bench LOGIN PASSWORD 'herald_bench';
  END IF;
END $$;
DROP DATABASE IF EXISTS herald_bench WITH (FORCE);
CREATE DATABASE herald_bench OWNER herald_bench;
SQL
  if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
    su postgres -c "psql -q -v ON_ERROR_STOP=1 -d herald_bench" <<'SQL'
CREATE EXTENSION pg_stat_statements;
GRANT EXECUTE ON FUNCTION pg_stat_statements_reset TO herald_bench;
SQL
  fi
  BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/herald_bench"
  BENCH_DB_USER=herald_bench
  BENCH_DB_PASSWORD=herald_bench
fi

# -Dtest=None: the other modules' unit tests are not what this command is for.
exec mvn -B verify -pl it -am -Pbench \
  -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.devices="$devices" \
  -Dbench.command="it/bench.sh $devices${*:+ $*}" \
  -Dherald.test.db.url="$BENCH_DB_URL" \
  -Dherald.test.db.user="${BENCH_DB_USER:-}" \
  -Dherald.test.db.password="${BENCH_DB_PASSWORD:-}" \
  "$@"
