# shellcheck shell=bash
# pgBackRest and the server's programs for scripts/backup.sh and scripts/restore.sh (sourced).
# Both run as the data directory's owner: as root, through runuser (PGBACKREST_OS_USER, postgres).

PGBACKREST_STANZA=${PGBACKREST_STANZA:-routeplan}

as_data_owner() {
  if ((EUID == 0)); then
    runuser -u "${PGBACKREST_OS_USER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

# pgBackRest on the stanza, with the configuration file when PGBACKREST_CONFIG names one
backrest() {
  local args=("--stanza=$PGBACKREST_STANZA")
  [[ -n ${PGBACKREST_CONFIG:-} ]] && args+=("--config=$PGBACKREST_CONFIG")
  as_data_owner pgbackrest "${args[@]}" "$@"
}

require_pgbackrest() {
  command -v pgbackrest >/dev/null || { echo "pgbackrest is not installed (Debian: apt-get install pgbackrest)" >&2; exit 1; }
}
