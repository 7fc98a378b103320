#!/usr/bin/env bash
# Benchmarks, separate from the tests. Each prints its figures; the last line is machine-readable.
#   scripts/bench.sh ingest [ROWS]   the job's ingest into PostgreSQL against psql \copy of the same file
#   scripts/bench.sh ingest-10m [ROWS]
#                                    the job's whole ingest (fetch, fleet, ingest) of 10,000,000 orders (or ROWS, a multiple
#                                    of 1,000,000) into PostgreSQL, one row in ten sent to a depot that does not exist:
#                                    elapsed, rows/s, orders and rejects; INGEST_10M_HEAP the job's heap (3g)
#   scripts/bench.sh solver [--seconds S] [--parallel N] [--move-threads NONE|AUTO|n] [--portfolio P] [--ruin-share R]
#                           [--insertion-neighbours K] [FILE...]
#                                    the route solver on Solomon-format VRPTW instances (all 56 from $SOLOMON_DIR
#                                    without FILE; a bare name such as C101 is looked up there), checked
#                                    independently, gaps to the best known solutions; an instance that fails is
#                                    a JSON line with its error and the run goes on
#   scripts/bench.sh peers [--seconds S] [--parallel N] [FILE...]
#                                    jsprit 1.8 on the same Solomon instances, one thread each, checked and tabled as
#                                    `solver` is (the peers module; not part of the application)
#   scripts/bench.sh tune [--seconds S] [--parallel N] [--variants a,b] [--wall-clock]
#                                    the search variants of planning/benchmarks/tuning.properties side by side on
#                                    its Solomon subset, S CPU seconds per solve (wall-clock with --wall-clock)
#   scripts/bench.sh publish [ORDERS DEPOTS VEHICLES]
#                                    route maps, manifest PDFs, depot and run workbooks for a generated plan
#                                    (10,400 orders, 10 depots, 800 vehicles: about 10,000 stops): wall time and peak heap per phase
#   scripts/bench.sh handplan [ORDERS VEHICLES SECONDS SEED]
#                                    one generated depot: the solver seeded with the hand plan, on every order
#                                    and like for like (the hand plan's orders only); km per order and gain
#   scripts/bench.sh api [RPS] [SECONDS]
#                                    the service on PostgreSQL with 90 days of history under a constant arrival rate
#                                    (default 500 requests/s for 60 s after a 60 s warm-up) on loopback: runs list, one
#                                    run's detail, a plan download, readiness (the bench module's generator);
#                                    API_MIX=available loads only what needs no issue-13 endpoint (readiness, api-docs);
#                                    API_JAVA_OPTS (service JVM), API_WARMUP (s), API_TIMEOUT_MS, API_RATE_LIMIT_SETTING,
#                                    API_LOAD_JAVA_OPTS (generator JVM), API_SERVICE_SETTINGS (more --key=value for the
#                                    service), API_REUSE_HISTORY=1 (keep the previous run's seeded schema and folders)
#   scripts/bench.sh scale [ORDERS DEPOTS VEHICLES WORKERS]
#                                    remote partitioning against local at equal cores on PostgreSQL and RabbitMQ
#                                    (default 50,000 orders, 40 depots, 2,000 vehicles, 2 workers): the same generated
#                                    night run locally (routeplan.partition-threads 2), with 1 worker (2 consumers) and
#                                    with WORKERS workers (2 / WORKERS consumers each, at least 1), each depot's search
#                                    ended after SCALE_STEPS local search steps (default 1000) so every run plans the same
#                                    routes; wall time per step, peak heap of the manager and each worker (GC log),
#                                    requests sent, km and unassigned. SCALE_MODES=local,1,W chooses the runs;
#                                    SCALE_HEAP (2g) is the heap of the manager and of each worker
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=scheduler/target/routeplan.jar
PG_URL=jdbc:postgresql://127.0.0.1:5432/test
WORK=${BENCH_DIR:-/tmp/routeplan-bench}
LOG_TAG=bench
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh

psql_test() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -qtA "$@"; }

# runs the ingest job on a fresh schema; prints the job's "rows/s" and peak heap lines
ingest_into_fresh_schema() {
  local schema=$1 input=$2 heap=$3
  psql_test -c "drop schema if exists $schema cascade"
  java "-Xmx$heap" -jar "$JAR" ingest --date 2026-12-01 --input "$input" --output "$WORK/out-$schema" \
    --spring.profiles.active=postgres \
    "--spring.datasource.url=$PG_URL?currentSchema=$schema" \
    "--spring.flyway.schemas=$schema" "--spring.flyway.default-schema=$schema" \
    --routeplan.chunk-size=5000 --logging.level.dev.routeplan=WARN
}

bench_ingest() {
  local rows=${1:-1000000}
  ensure_jar
  mkdir -p "$WORK"
  local csv_dir=$WORK/csv-$rows
  if [[ ! -f $csv_dir/orders.csv ]]; then
    log "generating $rows orders"
    java -Xmx2g -jar "$JAR" generate --orders "$rows" --depots 3 --vehicles 30 --seed 7 --output "$csv_dir" >&2
  fi

  log "ingest through the job (PostgreSQL, COPY in the writer)"
  local job_out
  job_out=$(ingest_into_fresh_schema routeplan_bench "$csv_dir" 512m)
  echo "$job_out"
  local job_rate
  job_rate=$(sed -n 's/.* \([0-9]*\) rows\/s$/\1/p' <<<"$job_out")
  local accepted
  accepted=$(psql_test -c "select count(*) from routeplan_bench.orders")
  log "orders accepted in PostgreSQL: $accepted"

  log "psql \\copy of the same file into a scratch table"
  psql_test -c "drop table if exists bench_copy" \
    -c "create table bench_copy (order_id varchar(64), customer_name varchar(200), phone varchar(20), address varchar(500),
          pincode varchar(6), lat double precision, lon double precision, weight_kg double precision, volume_m3 double precision,
          window_start time, window_end time, service_minutes integer, priority integer, depot_id varchar(32), goods_type varchar(40),
          window2_start time, window2_end time)"
  local start end
  start=$(now)
  psql_test -c "\\copy bench_copy from '$csv_dir/orders.csv' with (format csv, header true)"
  end=$(now)
  local copy_rate
  copy_rate=$(awk -v r="$rows" -v s="$start" -v e="$end" 'BEGIN { printf "%d", r / (e - s) }')
  echo "psql \\copy: $rows rows in $(seconds_between "$start" "$end") s, $copy_rate rows/s"
  psql_test -c "drop table bench_copy"

  local xlsx_rows=200000
  local xlsx_dir=$WORK/xlsx-$xlsx_rows
  if [[ ! -f $xlsx_dir/orders.xlsx ]]; then
    log "generating $xlsx_rows orders as XLSX"
    java -Xmx2g -jar "$JAR" generate --orders "$xlsx_rows" --depots 3 --vehicles 30 --seed 7 --format xlsx --output "$xlsx_dir" >&2
  fi
  log "ingest of a $xlsx_rows-row XLSX (streaming reader)"
  ingest_into_fresh_schema routeplan_bench_xlsx "$xlsx_dir" 512m
  psql_test -c "drop schema routeplan_bench_xlsx cascade"

  echo "ingest_rows_per_s=$job_rate copy_rows_per_s=$copy_rate ratio=$(awk -v a="$job_rate" -v b="$copy_rate" 'BEGIN { printf "%.2f", a / b }')"
}

# The whole ingest of ten million rows: the generator's million orders ten times over under new ids
# (the generator keeps every order of a scenario in memory; copies keep its memory at a million), every
# tenth row sent to depot D9 so the rejects' path is measured too. depot_id is the fourth field from
# the end and nothing after the address is quoted, so awk's fields are the file's from there on.
bench_ingest_10m() {
  local rows=${1:-10000000}
  if ((rows % 1000000 != 0)); then
    log "ROWS must be a multiple of 1,000,000"
    exit 2
  fi
  ensure_jar
  local dir=$WORK/ingest-$rows
  if [[ ! -f $dir/input/orders.csv ]]; then
    log "generating $rows orders"
    rm -rf "$dir"
    java -Xmx6g -jar "$JAR" generate --orders 1000000 --depots 3 --vehicles 30 --seed 7 --output "$dir/generated" >&2
    mkdir -p "$dir/input"
    cp "$dir/generated/fleet.csv" "$dir/generated/depots.csv" "$dir/input/"
    awk -F, -v OFS=, -v copies=$((rows / 1000000)) '
      NR == 1 { print; next }
      { rows[NR] = $0 }
      END {
        n = 1
        for (copy = 1; copy <= copies; copy++) {
          for (i = 2; i <= NR; i++) {
            $0 = rows[i]
            $1 = $1 "-" copy
            n++
            if (n % 10 == 0) { $(NF - 3) = "D9" }
            print
          }
        }
      }' "$dir/generated/orders.csv" >"$dir/input/orders.csv"
    rm -rf "$dir/generated"
  fi
  local written
  written=$(($(wc -l <"$dir/input/orders.csv") - 1))
  log "ingest of $written rows ($(du -h "$dir/input/orders.csv" | cut -f1)) through the job into PostgreSQL"
  local start end job_out
  start=$(now)
  job_out=$(ingest_into_fresh_schema routeplan_bench_10m "$dir/input" "${INGEST_10M_HEAP:-3g}")
  end=$(now)
  echo "$job_out"
  local orders rejects elapsed rate job_rate
  orders=$(psql_test -c "select count(*) from routeplan_bench_10m.orders")
  rejects=$(psql_test -c "select count(*) from routeplan_bench_10m.order_rejects where row_number > 0")
  elapsed=$(seconds_between "$start" "$end")
  rate=$(awk -v r="$written" -v s="$elapsed" 'BEGIN { printf "%d", r / s }')
  job_rate=$(sed -n 's/.* \([0-9]*\) rows\/s$/\1/p' <<<"$job_out")
  if ((orders + rejects != written)); then
    log "orders + rejects ($orders + $rejects) is not the $written rows written"
    exit 1
  fi
  psql_test -c "drop schema routeplan_bench_10m cascade"
  rm -rf "$WORK/out-routeplan_bench_10m" # the staged copy and the rejects: 2 GB (the input stays for the next run)
  echo "ingest_rows=$written orders=$orders rejects=$rejects elapsed_s=$elapsed rows_per_s=$rate job_rows_per_s=$job_rate"
}

# Not offline: after the README's two commands the dependency plugin itself may not be in the local
# repository yet, and Maven fetches it here once. The classpath is the runtime one, so a benchmark
# never needs an artifact that only the tests use.
CLASSPATH_GOAL=(dependency:build-classpath -Dmdep.includeScope=runtime)

# compiles planning (no install: the shared local repository is no place for a benchmark's build) and runs a class of it
run_planning() {
  log "building planning"
  local cp_file=$PWD/planning/target/solomon-classpath.txt
  ./mvnw -q -pl planning compile "${CLASSPATH_GOAL[@]}" -Dmdep.outputFile="$cp_file" >&2
  local jvm_options=()
  while [[ ${1:-} == -X* ]]; do jvm_options+=("$1"); shift; done
  java "${jvm_options[@]}" -cp "planning/target/classes:$(cat "$cp_file")" "$@"
}

bench_solver() {
  run_planning dev.routeplan.planning.benchmark.SolomonBenchmark "$@"
}

bench_peers() {
  log "building peers"
  local cp_file=$PWD/peers/target/peers-classpath.txt
  # one reactor run: planning resolves to its freshly compiled classes; the last module written (peers) leaves the file
  ./mvnw -q -pl peers -am compile "${CLASSPATH_GOAL[@]}" -Dmdep.outputFile="$cp_file" >&2
  java -cp "peers/target/classes:$(cat "$cp_file")" dev.routeplan.peers.JspritSolomon "$@"
}

bench_tune() {
  run_planning dev.routeplan.planning.benchmark.SolverTuning "$@"
}

bench_handplan() {
  run_planning -Xmx4g dev.routeplan.planning.benchmark.HandPlanBenchmark "$@"
}

# the nightly job end to end on a generated Delhi scenario, on the embedded database in a scratch folder
bench_delhi() {
  local orders=${1:-5000} depots=${2:-10} vehicles=${3:-250} seconds=${4:-25}
  ensure_jar
  local dir=$WORK/delhi-$orders-$depots-$vehicles
  rm -rf "$dir/db" "$dir/out"
  if [[ ! -f $dir/in/orders.csv ]]; then
    java -jar "$JAR" generate --orders "$orders" --depots "$depots" --vehicles "$vehicles" --seed 9 --output "$dir/in" >&2
  fi
  local start end
  start=$(now)
  java -Xmx4g -jar "$JAR" run --date 2026-12-01 --input "$dir/in" --output "$dir/out" --solver-seconds "$seconds" \
    "--spring.datasource.url=jdbc:h2:file:$dir/db/routeplan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    --logging.level.dev.routeplan=WARN | grep -vE '^>|^  (optimiseDepot|verifyDepot|ingestFile):' || true
  end=$(now)
  echo "delhi_orders=$orders depots=$depots vehicles=$vehicles solver_seconds_per_depot=$seconds wall_s=$(seconds_between "$start" "$end")"
}

# the writers alone on a plan made by the baseline planner, with a fixed heap so that the peak means something
bench_publish() {
  ensure_jar
  local orders=${1:-10400} depots=${2:-10} vehicles=${3:-800} heap=${PUBLISH_HEAP:-512m}
  log "publish benchmark with -Xmx$heap"
  java "-Xmx$heap" -Djava.awt.headless=true -cp "$JAR" -Dloader.main=dev.routeplan.reports.benchmark.PublishBenchmark \
    org.springframework.boot.loader.launch.PropertiesLauncher "$orders" "$depots" "$vehicles" "$WORK/publish"
}

# --- the API benchmark -----------------------------------------------------------------------------

API_SCHEMA=routeplan_bench_api
API_SOURCE_DATE=2026-12-01
API_DAYS=90
# the service's JVM; printed with the figures. G1 with a 10 ms pause goal (a smaller young generation
# collected more often): with the default goal (200 ms) its young pauses were most of the p99
API_JAVA_OPTS=${API_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=10}
# the generator's JVM: its own pauses would be counted as the service's latency
API_LOAD_JAVA_OPTS=${API_LOAD_JAVA_OPTS:--Xmx256m}
# The benchmark's own client is local-admin (routeplan token --role ADMIN); its read limit is raised so that
# the limiter is measured, not hit. The key is routeplan.rate-limits' per-subject override (app.security).
API_RATE_LIMIT_SETTING=${API_RATE_LIMIT_SETTING:---routeplan.rate-limits.subjects.local-admin.reads.limit=1000000}

# the service's user and system CPU seconds so far
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# one real night of the nightly job on a small generated day, then SQL copies it over the days before
seed_api_history() {
  local dir=$1 url=$2
  if [[ ! -f $dir/in/orders.csv ]]; then
    java -jar "$JAR" generate --orders 300 --depots 3 --vehicles 15 --seed 9 --output "$dir/in" >&2
  fi
  psql_test -c "drop schema if exists $API_SCHEMA cascade"
  log "one real night ($API_SOURCE_DATE, 300 orders, 3 depots) through the nightly job on PostgreSQL"
  java -Xmx1g -jar "$JAR" run --date "$API_SOURCE_DATE" --input "$dir/in" --output "$dir/out" --solver-seconds 2 \
    --spring.profiles.active=postgres "--spring.datasource.url=$url" \
    "--spring.flyway.schemas=$API_SCHEMA" "--spring.flyway.default-schema=$API_SCHEMA" \
    --logging.level.dev.routeplan=WARN >"$dir/seed-run.log"
  log "copied over $API_DAYS days: output folders (hard links to the night's files) and rows (scripts/bench-api-history.sql)"
  local k day
  for ((k = 1; k < API_DAYS; k++)); do
    day=$(date -u -d "$API_SOURCE_DATE - $k day" +%F)
    cp -al "$dir/out/$API_SOURCE_DATE" "$dir/out/$day"
  done
  psql_test -v schema="$API_SCHEMA" -v source="$API_SOURCE_DATE" -v days="$API_DAYS" -v out="$dir/out" \
    -f scripts/bench-api-history.sql
  log "history: $(psql_test -c "select count(*) || ' job executions, ' || (select count(*) from $API_SCHEMA.batch_step_execution)
    || ' step executions, ' || (select count(*) from $API_SCHEMA.plan_revisions) || ' plan revisions, '
    || (select count(*) from $API_SCHEMA.artifacts) || ' artifacts, ' || (select count(*) from $API_SCHEMA.audit_log)
    || ' audit rows, ' || (select count(distinct plan_date) from $API_SCHEMA.artifacts) || ' dates'
    from $API_SCHEMA.batch_job_execution")"
}

# the mix file the generator reads (and the path lists it names), from the seeded history
write_api_mix() {
  local dir=$1
  if [[ ${API_MIX:-issue} == available ]]; then
    printf '%s\n' "# what exists without the issue-13 endpoints" \
      "health   50 anon  /actuator/health/readiness" \
      "api_docs 50 token /v3/api-docs" >"$dir/mix.txt"
    return
  fi
  psql_test -c "select '/api/v1/runs/' || job_execution_id from $API_SCHEMA.batch_job_execution order by 1" >"$dir/run-paths.txt"
  psql_test -c "select '/api/v1/plans/' || plan_date || '/depots/' || substring(path from '/([^/]+)/[^/]+\$')
    || '/files/' || substring(path from '[^/]+\$') from $API_SCHEMA.artifacts where kind = 'PLAN_XLSX' order by 1" >"$dir/plan-paths.txt"
  printf '%s\n' "# NAME WEIGHT AUTH PATH (@FILE: one of its paths at random)" \
    "runs_list  40 token /api/v1/runs?page=0&size=20" \
    "run_detail 30 token @run-paths.txt" \
    "plan_file  20 token @plan-paths.txt" \
    "health     10 anon  /actuator/health/readiness" >"$dir/mix.txt"
}

# one request of each kind before the load: a kind that does not answer 2xx stops the benchmark
probe_api_mix() {
  local dir=$1 base=$2 token=$3 name weight auth path status
  while read -r name weight auth path; do
    [[ -z $name || $name == \#* ]] && continue
    [[ $path == @* ]] && path=$(head -n 1 "$dir/${path#@}")
    local headers=()
    [[ $auth == token ]] && headers=(-H "Authorization: Bearer $token")
    status=$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$base$path")
    log "probe $name ($weight%): GET $path -> $status"
    if [[ $status != 2* ]]; then
      log "$name answers $status: are the issue-13 endpoints merged? (API_MIX=available loads only readiness and api-docs)"
      return 1
    fi
  done <"$dir/mix.txt"
}

bench_api() {
  local rps=${1:-500} seconds=${2:-60} warmup=${API_WARMUP:-60}
  ensure_jar
  log "building the load generator (bench module)"
  local cp_file=$PWD/bench/target/bench-classpath.txt
  ./mvnw -q -pl bench compile "${CLASSPATH_GOAL[@]}" -Dmdep.outputFile="$cp_file" >&2
  local dir=$WORK/api url="$PG_URL?currentSchema=$API_SCHEMA"
  rm -rf "$dir/keys" "$dir/inbox"
  mkdir -p "$dir/inbox"
  if [[ ${API_REUSE_HISTORY:-0} == 1 && -d $dir/out ]] \
    && [[ $(psql_test -c "select to_regclass('$API_SCHEMA.batch_job_execution') is not null") == t ]]; then
    log "history of the previous run reused (API_REUSE_HISTORY=1): schema $API_SCHEMA, $dir/out"
  else
    rm -rf "$dir/out"
    seed_api_history "$dir" "$url"
  fi
  write_api_mix "$dir"

  local port key=$dir/keys/jwt-signing-key.json
  port=$(free_port)
  local base=http://127.0.0.1:$port
  # shellcheck disable=SC2206 # the options are words on purpose
  local java_opts=($API_JAVA_OPTS)
  # shellcheck disable=SC2206
  local load_opts=($API_LOAD_JAVA_OPTS)
  # shellcheck disable=SC2206
  local service_settings=(${API_SERVICE_SETTINGS:-})
  log "service: java ${java_opts[*]} on $(nproc) cores shared with the load generator; $base; Quartz in standby"
  log "rate limit raised for the benchmark's client: $API_RATE_LIMIT_SETTING"
  java "${java_opts[@]}" -jar "$JAR" serve --input "$dir/inbox" --output "$dir/out" \
    --spring.profiles.active=postgres "--spring.datasource.url=$url" \
    "--spring.flyway.schemas=$API_SCHEMA" "--spring.flyway.default-schema=$API_SCHEMA" \
    --server.address=127.0.0.1 "--server.port=$port" "--routeplan.security.signing-key=$key" \
    --spring.quartz.auto-startup=false "$API_RATE_LIMIT_SETTING" "${service_settings[@]}" >"$dir/service.log" 2>&1 &
  local service=$!
  # shellcheck disable=SC2064 # the pid is fixed now
  trap "kill -TERM $service 2>/dev/null || true" EXIT
  local waited
  waited=$(await_ready "$service" "the service" "$dir/service.log" curl -fs -o /dev/null "$base/actuator/health/readiness")
  log "service ready after ${waited} s"
  java -jar "$JAR" token --role ADMIN "--routeplan.security.signing-key=$key" >"$dir/token.txt"
  local token
  token=$(<"$dir/token.txt")
  probe_api_mix "$dir" "$base" "$token"

  log "load: $rps requests/s for $seconds s after a $warmup s warm-up; mix $dir/mix.txt"
  local load_before cpu_before cpu_after figures
  load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
  if awk -v l="${load_before%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
    log "the machine is busy (load average $load_before on $(nproc) cores): the figures will say more about it than about the service"
  fi
  cpu_before=$(cpu_seconds "$service")
  figures=$(java "${load_opts[@]}" -cp "bench/target/classes:$(cat "$cp_file")" dev.routeplan.bench.ApiLoad --base "$base" \
    --mix "$dir/mix.txt" --token-file "$dir/token.txt" --rps "$rps" --seconds "$seconds" --warmup "$warmup" \
    --timeout-ms "${API_TIMEOUT_MS:-2000}")
  cpu_after=$(cpu_seconds "$service")

  log "stopping the service (SIGTERM)"
  kill -TERM "$service"
  wait "$service" || log "the service ended with status $?"
  trap - EXIT
  echo "service: java ${java_opts[*]}, $(nproc) cores shared with the generator, PostgreSQL schema $API_SCHEMA ($API_DAYS days)"
  echo "service CPU during warm-up and load: $(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.1f", b - a }') s"
  echo "machine load average before the load: $load_before; at the end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "$figures"
}

# --- the scale-out benchmark -----------------------------------------------------------------------

SCALE_SCHEMA=routeplan_bench_scale
SCALE_QUEUE=routeplan.bench.partitions
SCALE_DATE=2026-12-01
# every solving JVM gets the same heap, the manager solving locally and each worker: a worker with
# less GCs more and solves slower (at -Xmx1g the longest depot took a third longer than locally)
SCALE_HEAP=${SCALE_HEAP:-2g}
# a fixed search per depot: equal budgets plan the same routes, so the runs differ only in where they solve.
# 1000 steps keeps the three runs of 50,000 orders within an hour here
SCALE_STEPS=${SCALE_STEPS:-1000}

# every process of a scale run: one schema, the benchmark's own queues, no Redis (a travel matrix
# cached by the first run would make the later ones cheaper), the fixed search
scale_settings() {
  printf '%s\n' --spring.profiles.active=postgres "--spring.datasource.url=$PG_URL?currentSchema=$SCALE_SCHEMA" \
    "--spring.flyway.schemas=$SCALE_SCHEMA" "--spring.flyway.default-schema=$SCALE_SCHEMA" \
    --routeplan.redis.enabled=false "--routeplan.partitioning.requests=$SCALE_QUEUE" \
    "--routeplan.partitioning.dead-letters=$SCALE_QUEUE.dead" --routeplan.partitioning.poll-interval=1s \
    --routeplan.partitioning.worker-port=0 "--routeplan.solver.local-search-steps=$SCALE_STEPS" \
    --logging.level.dev.routeplan=WARN --logging.level.dev.routeplan.batch.remote=INFO
}

# The peak heap in use of a JVM run with -Xlog:gc:file=FILE: the largest heap before a collection in
# its GC log. Read afterwards rather than sampled (a jstat each second is a JVM start: 0.4 s of CPU, one
# sampler per JVM, so more of them in the remote runs than in the local one).
peak_mb() {
  grep -o '[0-9]*[KMG]->' "$1" | awk '{ n = $0 + 0; u = substr($0, length($0) - 2, 1)
    mb = u == "G" ? n * 1024 : u == "K" ? n / 1024 : n; if (mb > max) max = mb } END { printf "%d", max }'
}

# one night: local when WORKERS is 0, else remote with WORKERS worker JVMs of CONSUMERS partitions each.
# Prints its figures and, last, "WALL_S KM UNASSIGNED".
scale_run() {
  local dir=$1 workers=$2 consumers=$3 name=$4
  local settings
  mapfile -t settings < <(scale_settings)
  psql_test -c "drop schema if exists $SCALE_SCHEMA cascade"
  rm -rf "$dir/out-$name"
  java -jar "$JAR" migrate "${settings[@]}" >"$dir/migrate-$name.log" 2>&1 \
    || { log "migrate failed:"; tail -n 20 "$dir/migrate-$name.log" >&2; exit 1; }
  local pids=() i
  for ((i = 1; i <= workers; i++)); do
    java "-Xmx$SCALE_HEAP" "-Xlog:gc:file=$dir/gc-$name-worker-$i.log" -jar "$JAR" worker "${settings[@]}" "--routeplan.partitioning.consumers=$consumers" \
      >"$dir/worker-$name-$i.log" 2>&1 &
    pids+=($!)
  done
  # shellcheck disable=SC2064 # the pids are fixed now
  trap "kill ${pids[*]:-} 2>/dev/null || true" EXIT
  for ((i = 1; i <= workers; i++)); do
    await_ready "${pids[$((i - 1))]}" "worker $i" "$dir/worker-$name-$i.log" \
      grep -q 'takes partitions' "$dir/worker-$name-$i.log" >/dev/null
  done
  local mode=local start end status=0
  ((workers > 0)) && mode=remote
  start=$(now)
  java "-Xmx$SCALE_HEAP" "-Xlog:gc:file=$dir/gc-$name-manager.log" -jar "$JAR" run --date "$SCALE_DATE" --input "$dir/in" --output "$dir/out-$name" \
    "${settings[@]}" "--routeplan.partitioning.mode=$mode" --routeplan.partition-threads=2 \
    --routeplan.partitioning.timeout=6h >"$dir/run-$name.log" 2>&1 &
  local manager=$!
  wait "$manager" || status=$?
  end=$(now)
  if ((status != 0 && status != 3 && status != 4)); then
    log "the run ended with status $status; the end of $dir/run-$name.log:"
    tail -n 30 "$dir/run-$name.log" >&2
    exit 1
  fi
  ((workers > 0)) && kill -TERM "${pids[@]}" 2>/dev/null
  wait "${pids[@]}" 2>/dev/null || true
  trap - EXIT

  local wall km unassigned heaps
  wall=$(seconds_between "$start" "$end")
  km=$(sed -n 's/.* blocked by compliance, \([0-9.]*\) km, .*/\1/p' "$dir/run-$name.log")
  unassigned=$(sed -n 's/.* km, \([0-9]*\) orders unassigned.*/\1/p' "$dir/run-$name.log")
  heaps="manager $(peak_mb "$dir/gc-$name-manager.log") MB"
  for ((i = 1; i <= workers; i++)); do
    heaps+=", worker $i $(peak_mb "$dir/gc-$name-worker-$i.log") MB"
  done
  echo "$name: wall $wall s; $km km, $unassigned unassigned; peak heap: $heaps" >&2
  # the job's own steps, not their partitions; requests sent = partitions handed to the queue
  psql_test -F ' ' -c "select '  ' || step_name, round(extract(epoch from end_time - start_time)::numeric, 1) || ' s'
      from $SCALE_SCHEMA.batch_step_execution where step_name not like '%:%' order by step_execution_id" >&2
  psql_test -c "select '  per depot: ' || step || ' ' || count(*) || ' partitions, mean '
      || round(avg(seconds)::numeric, 1) || ' s, max ' || round(max(seconds)::numeric, 1) || ' s'
      from (select split_part(step_name, 'Depot', 1) step, extract(epoch from end_time - start_time) seconds
      from $SCALE_SCHEMA.batch_step_execution where step_name like '%Depot:%') p group by step order by step" >&2
  if ((workers > 0)); then
    local taken=()
    for ((i = 1; i <= workers; i++)); do
      taken+=("$(grep -c 'started on worker' "$dir/worker-$name-$i.log" || true)")
    done
    echo "  requests sent: $(psql_test -c "select count(*) from $SCALE_SCHEMA.batch_step_execution where step_name like '%Depot:%'")" \
      "(one per partition); partitions run per worker: ${taken[*]}" >&2
  fi
  echo "$wall $km $unassigned"
}

bench_scale() {
  local orders=${1:-50000} depots=${2:-40} vehicles=${3:-2000} workers=${4:-2}
  local modes=${SCALE_MODES:-local,1,$workers}
  ensure_jar
  local dir=$WORK/scale-$orders-$depots-$vehicles
  mkdir -p "$dir"
  if [[ ! -f $dir/in/orders.csv ]]; then
    log "generating $orders orders, $depots depots, $vehicles vehicles"
    java -Xmx2g -jar "$JAR" generate --orders "$orders" --depots "$depots" --vehicles "$vehicles" --seed 9 --output "$dir/in" >&2
  fi
  log "$(nproc) cores; each depot searched for $SCALE_STEPS local search steps; runs: $modes; heap -Xmx$SCALE_HEAP per JVM"
  local local_s='' remote_s='' line mode
  for mode in ${modes//,/ }; do
    if [[ $mode == local ]]; then
      log "local: the partitions on the manager's 2 partition threads"
      line=$(scale_run "$dir" 0 0 local)
      local_s=${line%% *}
    else
      local consumers=$((2 / mode))
      ((consumers < 1)) && consumers=1
      log "remote: $mode worker(s) of $consumers consumer(s) each"
      line=$(scale_run "$dir" "$mode" "$consumers" "remote-$mode")
      [[ $mode == "$workers" ]] && remote_s=${line%% *}
    fi
    echo "$mode: wall_s=${line%% *} km_unassigned=${line#* }"
  done
  local overhead=n/a
  if [[ -n $local_s && -n $remote_s ]]; then
    overhead=$(awk -v l="$local_s" -v r="$remote_s" 'BEGIN { printf "%.1f", (r - l) / l * 100 }')
  fi
  echo "scale_orders=$orders depots=$depots workers=$workers local_s=${local_s:-n/a} remote_s=${remote_s:-n/a} overhead_pct=$overhead"
}

case ${1:-} in
  ingest) shift; bench_ingest "$@" ;;
  ingest-10m) shift; bench_ingest_10m "$@" ;;
  solver) shift; bench_solver "$@" ;;
  tune) shift; bench_tune "$@" ;;
  peers) shift; bench_peers "$@" ;;
  delhi) shift; bench_delhi "$@" ;;
  publish) shift; bench_publish "$@" ;;
  handplan) shift; bench_handplan "$@" ;;
  api) shift; bench_api "$@" ;;
  scale) shift; bench_scale "$@" ;;
  *) echo "usage: scripts/bench.sh ingest [ROWS] | ingest-10m [ROWS] | solver [--seconds S] [FILE...] | peers [--seconds S] [FILE...] | tune [--seconds S] | delhi [ORDERS DEPOTS VEHICLES SECONDS] | handplan [ORDERS VEHICLES SECONDS SEED] | publish [ORDERS DEPOTS VEHICLES] | api [RPS SECONDS] | scale [ORDERS DEPOTS VEHICLES WORKERS]" >&2; exit 2 ;;
esac
