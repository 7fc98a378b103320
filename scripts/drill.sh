#!/usr/bin/env bash
# Drills: each proves a promise of docs/reliability.md on this machine, against servers it starts itself.
#   scripts/drill.sh pitr   point-in-time recovery with the operators' scripts (scripts/backup.sh,
#                           scripts/restore.sh). A PostgreSQL cluster of its own (initdb, a free port,
#                           WAL archived to a pgBackRest repository at least every DRILL_ARCHIVE_TIMEOUT
#                           seconds, 60) holding DRILL_DAYS (90) nights of history; a full backup; then a
#                           night's run and a stream of writes (one a second, DRILL_WRITE_SECONDS, 120, after
#                           the night); then a mistake: the orders table dropped. The cluster is restored to
#                           the moment before the drop and the service started on it.
#                           RPO: from the last write the restore brought back to the mistake, with every write
#                           before the mistake checked present. RTO: the wall time from starting the restore
#                           to the service's readiness. Last line: rpo_s=N rto_s=N (targets: 300 and 900).
#   scripts/drill.sh lost-server
#                           the same cluster, history, backup, night and writes; then the server is lost: every
#                           process of the cluster SIGKILLed, its data directory deleted. The cluster is restored
#                           from the repository alone (scripts/restore.sh --latest) and the service started on it.
#                           RPO: from the last write that came back to the loss (at most about the archive
#                           timeout); RTO as above. Last line: rpo_s=N rto_s=N.
# Needs pgbackrest (apt-get install pgbackrest) and the server's programs (PG_BIN, the newest
# /usr/lib/postgresql/*/bin). Runs as root (the cluster's commands through runuser as postgres) or as
# the user that owns DRILL_DIR (/tmp/routeplan-drill).
set -euo pipefail
cd "$(dirname "$0")/.."
LOG_TAG=drill
JAR=scheduler/target/routeplan.jar
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/pgbackrest.sh
source scripts/lib/pgbackrest.sh

DIR=${DRILL_DIR:-/tmp/routeplan-drill}
PG_BIN=${PG_BIN:-$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin | sort -V | tail -n 1)}
DAYS=${DRILL_DAYS:-90}
ARCHIVE_TIMEOUT=${DRILL_ARCHIVE_TIMEOUT:-60}
WRITE_SECONDS=${DRILL_WRITE_SECONDS:-120}
HISTORY_DATE=2026-12-01 # the real night copied over the days before it
NIGHT_DATE=2026-12-02   # the night written after the backup

# psql on database DB of the drill's cluster
psql_on() { local db=$1; shift; psql -X -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$db" "$@"; }
sql() { psql_on routeplan -v ON_ERROR_STOP=1 -qtA "$@"; }

# routeplan against the drill's cluster, public schema of database routeplan, without Redis
drill_settings() {
  export SPRING_PROFILES_ACTIVE=postgres ROUTEPLAN_DB_PORT=$PGPORT ROUTEPLAN_DB_NAME=routeplan ROUTEPLAN_REDIS_ENABLED=false
}

routeplan() { (drill_settings && exec java -Xmx1g -jar "$JAR" "$@"); }

stop_cluster() {
  if [[ -f $PGDATA/postmaster.pid ]]; then
    as_data_owner "$PG_BIN/pg_ctl" stop -D "$PGDATA" -m immediate >/dev/null 2>&1 || true
  fi
}

# a cluster archiving its WAL into a pgBackRest repository under DIR, and the stanza
start_cluster() {
  stop_cluster
  rm -rf "$DIR"
  mkdir -p "$DIR/repo" "$DIR/log" "$DIR/out" "$DIR/inbox"
  PGPORT=$(free_port)
  cat >"$DIR/pgbackrest.conf" <<CONF
[global]
repo1-path=$DIR/repo
repo1-retention-full=2
log-path=$DIR/log
lock-path=$DIR/log
log-level-console=warn
start-fast=y
process-max=2

[$PGBACKREST_STANZA]
pg1-path=$PGDATA
pg1-port=$PGPORT
pg1-socket-path=$DIR
CONF
  chown -R "${PGBACKREST_OS_USER:-postgres}" "$DIR" 2>/dev/null || true
  as_data_owner "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 >"$DIR/initdb.log"
  cat >>"$PGDATA/postgresql.conf" <<CONF
port = $PGPORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$PGBACKREST_CONFIG --stanza=$PGBACKREST_STANZA archive-push %p'
archive_timeout = $ARCHIVE_TIMEOUT
CONF
  as_data_owner "$PG_BIN/pg_ctl" start -D "$PGDATA" -l "$DIR/log/postgresql.log" -w >/dev/null
  psql_on postgres -q -c 'create database routeplan'
  scripts/backup.sh init
}

# the nightly job for DATE on the generated input, its output in LOG
night() {
  local date=$1 out=$2 status=0
  routeplan run --date "$date" --input "$DIR/in" --output "$DIR/out" --solver-seconds 2 --logging.level.dev.routeplan=WARN \
    >"$out" 2>&1 || status=$?
  # 3: published with blocked routes; 4: published, a delivery failed
  if ((status != 0 && status != 3 && status != 4)); then
    log "the night of $date ended with status $status; the end of $out:"
    tail -n 20 "$out" >&2
    exit 1
  fi
}

# one real night through the nightly job, copied over the DAYS - 1 dates before it (scripts/bench-api-history.sql)
seed_history() {
  java -jar "$JAR" generate --orders "${DRILL_ORDERS:-1000}" --depots 5 --vehicles 50 --seed 9 --output "$DIR/in" >"$DIR/generate.log"
  night "$HISTORY_DATE" "$DIR/history-night.log"
  psql_on routeplan -q -v schema=public -v source="$HISTORY_DATE" -v days="$DAYS" \
    -v out="$DIR/out" -f scripts/bench-api-history.sql
  log "history: $(sql -c "select count(distinct plan_date) || ' dates, ' || count(*) || ' orders, '
    || pg_size_pretty(pg_database_size('routeplan')) || ' database' from orders")"
}

# inserts a row into drill_writes once a second, each in a connection of its own, until killed or the
# server is gone; writes.log has the id of every insert the server acknowledged
start_writer() {
  sql -c 'create table drill_writes (id bigserial primary key, written_at timestamptz not null default clock_timestamp())'
  while sleep 1; do sql -c 'insert into drill_writes default values returning id' >>"$DIR/writes.log" 2>/dev/null || break; done &
  WRITER=$!
}

stop_writer() {
  kill "$WRITER" 2>/dev/null || true
  wait "$WRITER" 2>/dev/null || true
  WRITER=
}

start_service() {
  local port
  port=$(free_port)
  # the subshell becomes the JVM (exec), so that SERVICE is the JVM's pid and SIGTERM reaches it
  (drill_settings && exec java -Xmx1g -jar "$JAR" serve --input "$DIR/inbox" --output "$DIR/out" --server.address=127.0.0.1 \
    "--server.port=$port" "--routeplan.security.signing-key=$DIR/keys/signing-key.json") >"$DIR/service.log" 2>&1 &
  SERVICE=$!
  await_ready "$SERVICE" "the service" "$DIR/service.log" \
    curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null
}

# keeps the drill's own exit status: the service ends with 143 on SIGTERM
cleanup() {
  if [[ -n ${WRITER:-} ]]; then stop_writer; fi
  if [[ -n ${SERVICE:-} ]]; then
    kill -TERM "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
  fi
  stop_cluster
}

# a cluster with its history and a full backup; after the backup a night's run, and the writer still
# writing WRITE_SECONDS after the night
prepare() {
  require_pgbackrest
  ensure_jar
  export PGDATA=$DIR/pgdata PGBACKREST_CONFIG=$DIR/pgbackrest.conf PG_BIN PGHOST=127.0.0.1 PGPORT
  trap cleanup EXIT
  start_cluster
  log "cluster on 127.0.0.1:$PGPORT ($("$PG_BIN/postgres" --version)), WAL archived at least every $ARCHIVE_TIMEOUT s"
  seed_history
  local started
  started=$(now)
  scripts/backup.sh full >"$DIR/backup-full.log"
  log "full backup in $(seconds_between "$started" "$(now)") s: $(grep -m 1 'full backup' "$DIR/backup-full.log" | sed 's/^ *//')"

  start_writer
  log "after the backup: the night of $NIGHT_DATE through the nightly job, then $WRITE_SECONDS s more of writes"
  night "$NIGHT_DATE" "$DIR/night.log"
  sleep "$WRITE_SECONDS"
}

# restores with scripts/restore.sh ARGS and starts the service on the cluster; sets RTO, the seconds
# from the restore's start to the service's readiness
recover() {
  local started restored ready
  started=$(now)
  scripts/restore.sh "$@"
  restored=$(now)
  start_service
  ready=$(now)
  log "restore $(seconds_between "$started" "$restored") s, service ready $(seconds_between "$restored" "$ready") s later"
  RTO=$(seconds_between "$started" "$ready")
}

# the seconds from the last write that came back to MOMENT (epoch seconds)
seconds_lost_before() {
  awk -v w="$(sql -c 'select extract(epoch from max(written_at)) from drill_writes')" -v m="$1" 'BEGIN { printf "%.1f", m - w }'
}

drill_pitr() {
  prepare
  stop_writer
  local orders writes moment
  orders=$(sql -c 'select count(*) from orders')
  writes=$(sql -c 'select count(*) from drill_writes')
  # the moment an operator would name: just before the mistake, in IST as they read it
  moment=$(sql -c "select to_char(clock_timestamp() at time zone 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI:SS.US') || '+05:30'")
  sleep 0.2
  sql -c 'drop table orders cascade'
  log "the mistake: orders dropped just after $moment ($orders orders, $writes writes before it)"

  log "restore to $moment, then the service on the restored cluster"
  recover --to "$moment"
  local orders_back writes_back night_orders rpo
  orders_back=$(sql -c 'select count(*) from orders')
  night_orders=$(sql -c "select count(*) from orders where plan_date = '$NIGHT_DATE'")
  writes_back=$(sql -c 'select count(*) from drill_writes')
  rpo=$(seconds_lost_before "$(date -d "$moment" +%s.%N)")
  log "back: $orders_back of $orders orders ($night_orders of the night after the backup), $writes_back of $writes writes"
  if ((orders_back != orders || writes_back != writes)); then
    log "FAIL: the restore lost data written before the mistake"
    echo "rpo_s=$rpo rto_s=$RTO lost_orders=$((orders - orders_back)) lost_writes=$((writes - writes_back))"
    exit 1
  fi
  echo "rpo_s=$rpo rto_s=$RTO"
}

drill_lost_server() {
  prepare
  local orders loss
  orders=$(sql -c 'select count(*) from orders')
  loss=$(now)
  # every process of the cluster (their working directory is the data directory), then its files
  # stderr: fuser names every /proc entry it may not read (PID 1 in a container), which is noise here
  fuser -s -k -KILL "$PGDATA" 2>/dev/null || { log "no process of the cluster found to kill"; exit 1; }
  stop_writer
  rm -rf "${PGDATA:?}"
  mkdir -m 0700 "$PGDATA"
  chown "${PGBACKREST_OS_USER:-postgres}" "$PGDATA" 2>/dev/null || true
  local acknowledged
  acknowledged=$(tail -n 1 "$DIR/writes.log")
  log "the server lost: its processes SIGKILLed, its data directory deleted; $acknowledged writes acknowledged"

  log "restore of everything archived, then the service on the restored cluster"
  recover --latest
  local orders_back writes_back rpo
  orders_back=$(sql -c 'select count(*) from orders')
  writes_back=$(sql -c 'select coalesce(max(id), 0) from drill_writes')
  rpo=$(seconds_lost_before "$loss")
  log "back: $orders_back of $orders orders, writes up to $writes_back of $acknowledged acknowledged"
  if ((orders_back != orders)); then
    log "FAIL: the night's orders, archived long before the loss, did not all come back"
    echo "rpo_s=$rpo rto_s=$RTO lost_orders=$((orders - orders_back))"
    exit 1
  fi
  echo "rpo_s=$rpo rto_s=$RTO"
}

case ${1:-} in
  pitr) drill_pitr ;;
  lost-server) drill_lost_server ;;
  *) echo "usage: scripts/drill.sh pitr | lost-server" >&2; exit 2 ;;
esac
