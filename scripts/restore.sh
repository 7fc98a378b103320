#!/usr/bin/env bash
# Restores routeplan's PostgreSQL cluster from its pgBackRest repository (docs/reliability.md,
# "Backups and recovery"):
#   scripts/restore.sh --to 'YYYY-MM-DD HH:MM:SS+05:30'   the cluster as it was at that moment: the moment before a mistake
#   scripts/restore.sh --latest                            everything archived: after the server is lost
# Stop routeplan's service and workers first, and start them after: a restored database must not
# meet a process that still holds state from after the moment.
# A running cluster first archives its current WAL (pgBackRest's check forces the switch), so the
# changes up to the moment are in the repository; it is then stopped, restored in place (--delta:
# only the files that differ are copied back) and started, and the script returns once recovery has
# ended and the cluster takes writes.
# Settings: PGDATA (the data directory, holding postgresql.conf), PG_BIN (the folder of pg_ctl),
# PGHOST and PGPORT (where the cluster listens, for the check that recovery ended), and backup.sh's.
set -euo pipefail
LOG_TAG=restore
# shellcheck source=scripts/lib/common.sh
source "$(dirname "$0")/lib/common.sh"
# shellcheck source=scripts/lib/pgbackrest.sh
source "$(dirname "$0")/lib/pgbackrest.sh"
require_pgbackrest

usage() { echo "usage: scripts/restore.sh --to 'YYYY-MM-DD HH:MM:SS+05:30' | --latest" >&2; exit 2; }

target=()
case ${1:-} in
  --to) [[ -n ${2:-} ]] || usage; target=(--type=time "--target=$2" --target-action=promote) ;;
  --latest) target=(--type=default) ;;
  *) usage ;;
esac
: "${PGDATA:?set PGDATA to the data directory of the cluster}"
pg_ctl=${PG_BIN:+$PG_BIN/}pg_ctl

if as_data_owner "$pg_ctl" status -D "$PGDATA" >/dev/null 2>&1; then
  log "the cluster runs: archiving its current WAL, then stopping it"
  backrest check || log "WAL archiving failed: changes since the last archived segment cannot be restored"
  as_data_owner "$pg_ctl" stop -D "$PGDATA" -m fast
fi

log "restoring ${2:-the latest archived state} into $PGDATA"
backrest restore --delta "--pg1-path=$PGDATA" "${target[@]}"

log "starting the cluster; it replays the archived WAL"
as_data_owner "$pg_ctl" start -D "$PGDATA" -l "$PGDATA/restore-start.log" -w -t 900 >/dev/null
until [[ $(psql -X -U "${PGUSER:-postgres}" -d postgres -Atc 'select pg_is_in_recovery()' 2>/dev/null) == f ]]; do
  as_data_owner "$pg_ctl" status -D "$PGDATA" >/dev/null || { log "the cluster stopped; see $PGDATA/restore-start.log"; exit 1; }
  sleep 0.5
done
log "recovery ended: the cluster takes writes"
