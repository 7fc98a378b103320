#!/usr/bin/env bash
# Benchmarks, separate from the tests. Each prints its figures; the last line is machine-readable.
#   scripts/bench.sh ingest [ROWS]   the job's ingest into PostgreSQL against psql \copy of the same file
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
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=scheduler/target/routeplan.jar
PG_URL=jdbc:postgresql://127.0.0.1:5432/test
WORK=${BENCH_DIR:-/tmp/routeplan-bench}

log() { printf '[bench] %s\n' "$*" >&2; }

ensure_jar() {
  if [[ ! -f $JAR ]]; then
    log "building $JAR"
    ./mvnw -q -DskipTests package
  fi
}

psql_test() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -qtA "$@"; }

now() { date +%s.%N; }

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
  echo "psql \\copy: $rows rows in $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }') s, $copy_rate rows/s"
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
  echo "delhi_orders=$orders depots=$depots vehicles=$vehicles solver_seconds_per_depot=$seconds wall_s=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')"
}

# the writers alone on a plan made by the baseline planner, with a fixed heap so that the peak means something
bench_publish() {
  ensure_jar
  local orders=${1:-10400} depots=${2:-10} vehicles=${3:-800} heap=${PUBLISH_HEAP:-512m}
  log "publish benchmark with -Xmx$heap"
  java "-Xmx$heap" -Djava.awt.headless=true -cp "$JAR" -Dloader.main=dev.routeplan.reports.benchmark.PublishBenchmark \
    org.springframework.boot.loader.launch.PropertiesLauncher "$orders" "$depots" "$vehicles" "$WORK/publish"
}

case ${1:-} in
  ingest) shift; bench_ingest "$@" ;;
  solver) shift; bench_solver "$@" ;;
  tune) shift; bench_tune "$@" ;;
  peers) shift; bench_peers "$@" ;;
  delhi) shift; bench_delhi "$@" ;;
  publish) shift; bench_publish "$@" ;;
  handplan) shift; bench_handplan "$@" ;;
  *) echo "usage: scripts/bench.sh ingest [ROWS] | solver [--seconds S] [FILE...] | peers [--seconds S] [FILE...] | tune [--seconds S] | delhi [ORDERS DEPOTS VEHICLES SECONDS] | handplan [ORDERS VEHICLES SECONDS SEED] | publish [ORDERS DEPOTS VEHICLES]" >&2; exit 2 ;;
esac
