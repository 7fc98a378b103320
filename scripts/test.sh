#!/usr/bin/env bash
# The test command of the README: makes sure PostgreSQL, Redis and RabbitMQ answer on loopback
# (starting any that is down), then runs the whole Maven build with its tests, then the checks of
# the deployment's files (scripts/validate/).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[test.sh] %s\n' "$*"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  local name=$1 port=$2 seconds=$3
  for _ in $(seq "$seconds"); do
    port_open "$port" && return 0
    sleep 1
  done
  log "$name did not come up on 127.0.0.1:$port within ${seconds}s"
  return 1
}

ensure_postgres() {
  if ! port_open 5432; then
    log "PostgreSQL is down: starting it"
    if command -v pg_ctlcluster >/dev/null; then
      pg_ctlcluster --skip-systemctl-redirect "$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort | head -1)" main start
    else
      log "pg_ctlcluster not found; install PostgreSQL or start it on 127.0.0.1:5432"
      return 1
    fi
    wait_for_port PostgreSQL 5432 60
  fi
  if ! PGCONNECT_TIMEOUT=10 psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'test'" | grep -q 1; then
    log "creating database test"
    psql -h 127.0.0.1 -U postgres -d postgres -c "create database test"
  fi
  log "PostgreSQL answers on 127.0.0.1:5432"
}

start_redis() {
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for_port Redis 6379 30
}

redis_pongs() { [ "$(timeout 5 redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

ensure_redis() {
  # CI runs against the services as the last session left them: an open port is not enough, the
  # cache tests need a Redis that answers within their 300 ms read timeout
  if ! port_open 6379; then
    log "Redis is down: starting it"
    start_redis
  elif ! redis_pongs; then
    log "something holds 127.0.0.1:6379 but does not answer PING within 5 s:"
    ps -o pid,stat,etime,args -p "$(fuser 6379/tcp 2>/dev/null | tr -s ' ' ',' | sed 's/^,//')" || true
    # a stopped process (state T) is resumed; anything else is replaced by a fresh Redis
    for pid in $(fuser 6379/tcp 2>/dev/null); do kill -CONT "$pid" 2>/dev/null || true; done
    if ! redis_pongs; then
      log "replacing it with a fresh Redis"
      fuser -k -KILL 6379/tcp >/dev/null 2>&1 || true
      sleep 1
      start_redis
    fi
  fi
  redis_pongs || { log "Redis on 127.0.0.1:6379 does not answer PING"; return 1; }
  log "Redis answers PING on 127.0.0.1:6379 ($(redis-cli -h 127.0.0.1 -p 6379 dbsize) keys)"
}

ensure_rabbitmq() {
  if ! port_open 5672; then
    log "RabbitMQ is down: starting it"
    rabbitmq-server -detached
    wait_for_port RabbitMQ 5672 120
  fi
  log "RabbitMQ answers on 127.0.0.1:5672"
}

apt_install() {
  # a fresh CI image may have no package lists yet: refresh them once if the install fails
  apt-get install -y -q "$@" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
}

ensure_fonts() {
  # JasperReports needs fontconfig and at least one font file to lay out PDFs
  if ! fc-list 2>/dev/null | grep -qi dejavu; then
    log "installing fontconfig and DejaVu fonts for PDF rendering"
    apt_install fontconfig fonts-dejavu-core
  fi
  # the PDFs embed the Noto TTFs bundled in reports; the package is where they were copied from
  # and what the route map's SansSerif falls back to for Devanagari
  if [ ! -f /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf ]; then
    log "installing fonts-noto-core (Noto Sans Devanagari)"
    apt_install fonts-noto-core
  fi
  # the PDF tests render pages with pdftoppm and look at the pixels
  if ! command -v pdftoppm >/dev/null; then
    log "installing poppler-utils (pdftoppm) for the PDF rendering tests"
    apt_install poppler-utils
  fi
}

ensure_openssh_server() {
  # the SFTP inbox and outbox are also tested against Debian's OpenSSH server (OpenSshServerTests),
  # which each test starts itself on a free loopback port with its own config; the service is never started
  if [ ! -x /usr/sbin/sshd ]; then
    log "installing openssh-server for the SFTP tests against OpenSSH"
    apt_install openssh-server
  fi
}

ensure_libreoffice() {
  # the plan workbooks are also opened and printed to PDF by LibreOffice (LibreOfficeConversionTests)
  if ! command -v soffice >/dev/null; then
    log "installing libreoffice-calc-nogui to check the plan workbooks open outside POI"
    if ! apt_install libreoffice-calc-nogui; then
      log "could not install LibreOffice: LibreOfficeConversionTests will be skipped"
    fi
  fi
}

ensure_chromium() {
  # the console is tested in a real browser (ConsoleBrowserTests): Debian's chromium and its chromedriver
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    log "installing chromium and chromium-driver for the console's browser tests"
    apt_install chromium chromium-driver
  fi
}

ensure_prometheus() {
  # PrometheusScrapeTests runs Debian's Prometheus (/usr/bin/prometheus) on a loopback port of its
  # own against the real config/prometheus; without recommends (no node exporter). Where a service
  # manager runs, the package may also start its own prometheus on 9090: nothing here uses 9090.
  if ! command -v prometheus >/dev/null || [ ! -x /usr/bin/prometheus ]; then
    log "installing prometheus for PrometheusScrapeTests (and promtool for scripts/validate/observe.sh)"
    apt_install --no-install-recommends prometheus
  fi
}

ensure_postgres
ensure_redis
ensure_rabbitmq
ensure_fonts
ensure_openssh_server
ensure_libreoffice
ensure_chromium
ensure_prometheus

log "running ./mvnw -B verify"
./mvnw -B -ntp verify "$@"

# the deployment's files, each checked by the tool that will read it (each script installs its tool)
for check in scripts/validate/*.sh; do
  log "running $check"
  "$check"
done
