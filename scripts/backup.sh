#!/usr/bin/env bash
# Backs up routeplan's PostgreSQL cluster with pgBackRest (docs/reliability.md, "Backups and recovery").
# The operator's command, and the one the backup CronJob runs (k8s/base/backup-cronjob.yaml):
#   scripts/backup.sh init             once, after archive_command is set: creates the stanza, then checks
#   scripts/backup.sh full|diff|incr   a backup of that type (pgBackRest makes a full one when the repository has none)
#   scripts/backup.sh nightly          the CronJob's: full on Sundays (IST), diff on the other nights
#   scripts/backup.sh check            WAL archiving works: forces a WAL switch and waits for it in the repository
#   scripts/backup.sh info             the backups held: the earliest and latest moments a restore can reach
# Settings: PGBACKREST_STANZA (routeplan), PGBACKREST_CONFIG (pgBackRest's own default otherwise,
# /etc/pgbackrest/pgbackrest.conf: the repository, its retention and encryption, and pg1-path),
# PGBACKREST_OS_USER (postgres: who runs pgBackRest when this script runs as root).
set -euo pipefail
# shellcheck source=scripts/lib/pgbackrest.sh
source "$(dirname "$0")/lib/pgbackrest.sh"
require_pgbackrest

case ${1:-} in
  init) backrest stanza-create && backrest check ;;
  full | diff | incr) backrest "--type=$1" backup && backrest info ;;
  nightly)
    kind='diff'
    [[ $(TZ=Asia/Kolkata date +%u) == 7 ]] && kind='full'
    backrest "--type=$kind" backup && backrest info
    ;;
  check) backrest check ;;
  info) backrest info ;;
  *) echo "usage: scripts/backup.sh init | full | diff | incr | nightly | check | info" >&2; exit 2 ;;
esac
