# shellcheck shell=bash
# Helpers shared by scripts/bench.sh, scripts/drill.sh and scripts/restore.sh (sourced; each sets LOG_TAG, and JAR where it runs routeplan, first).

log() { printf '[%s] %s\n' "${LOG_TAG:-routeplan}" "$*" >&2; }

ensure_jar() {
  if [[ ! -f $JAR ]]; then
    log "building $JAR"
    ./mvnw -q -DskipTests package
  fi
}

now() { date +%s.%N; }

# seconds from START to END (two `now` readings), one decimal
seconds_between() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.1f", e - s }'; }

# waits up to 300 s for COMMAND to succeed while PID lives, then prints the seconds it waited;
# otherwise shows the end of LOG and exits
await_ready() {
  local pid=$1 what=$2 log_file=$3 waited=0
  shift 3
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null || ((waited >= 300)); then
      log "$what did not become ready; the end of $log_file:"
      tail -n 30 "$log_file" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "$waited"
}

# below the kernel's ephemeral range (32768 up), so that no outgoing connection takes it before the service binds it
free_port() {
  local port
  for _ in {1..50}; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free loopback port found"
  exit 1
}
