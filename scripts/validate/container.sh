#!/usr/bin/env bash
# Validates the container part of the deployment: Dockerfile, .dockerignore, docker-compose.yml,
# .env.example and config/redis/redis.conf.
#
#   scripts/validate/container.sh          # from anywhere; exits non-zero naming what is broken
#
# - docker-compose config -q: the compose file as docker-compose reads it, with a .env generated
#   from .env.example (placeholders replaced by throwaway values), so every ${VAR:?} is exercised
# - yamllint on docker-compose.yml (line length relaxed: long comments and commands are fine)
# - structure of the compose file (health checks, depends_on conditions, pinned images)
# - the Dockerfile by grep, since hadolint is not installable here and no Docker engine runs:
#   non-root USER in the final stage, no `latest`, HEALTHCHECK, no secret in ENV/ARG, layers
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok:   $*"; }

install_package() {
    echo "installing $1 with apt-get"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    # a fresh CI image may have no package lists yet: refresh them once if the install fails
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null \
        || { "${sudo[@]}" apt-get update -q >/dev/null \
             && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; }
}
need() { # need COMMAND PACKAGE: install PACKAGE when COMMAND is missing
    command -v "$1" >/dev/null 2>&1 || install_package "$2"
    command -v "$1" >/dev/null 2>&1 || { echo "FAIL: $1 is not available and $2 did not install" >&2; exit 2; }
}
need docker-compose docker-compose
need yamllint yamllint
need python3 python3
python3 -c 'import yaml' 2>/dev/null || install_package python3-yaml

for f in Dockerfile .dockerignore docker-compose.yml .env.example config/redis/redis.conf; do
    [ -f "$f" ] || { echo "FAIL: $f is missing" >&2; exit 1; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------------------------- .env.example
# placeholders only: every secret-looking value is empty or contains CHANGE_ME
while IFS='=' read -r name value; do
    value="${value%\'}"; value="${value#\'}"; value="${value%\"}"; value="${value#\"}"
    case "$name" in
        *_DIR|*_FILE) ;;   # where a secret lives, not the secret
        *PASSWORD*|*SECRET*|*TOKEN*|*HASH*|*_KEY)
            if [ -n "$value" ] && [[ "$value" != *CHANGE_ME* ]]; then
                fail ".env.example: $name has a value that is not a placeholder (use CHANGE_ME or leave it empty)"
            fi ;;
    esac
done < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' .env.example)
ok ".env.example holds placeholders only"

# a throwaway .env: each CHANGE_ME becomes a random value (nothing is kept)
sed -E "s/CHANGE_ME/throwaway-$RANDOM$RANDOM/g" .env.example > "$WORK/.env"

# ------------------------------------------------------------------------------ docker-compose
if docker-compose --project-directory "$ROOT" --env-file "$WORK/.env" -f docker-compose.yml config -q; then
    ok "docker-compose config -q"
else
    fail "docker-compose config -q rejected docker-compose.yml (output above)"
fi

YAMLLINT_CONFIG='{extends: default, rules: {line-length: {max: 140, level: warning}, truthy: {check-keys: false}, comments: {min-spaces-from-content: 1}}}'
if yamllint -d "$YAMLLINT_CONFIG" docker-compose.yml; then
    ok "yamllint docker-compose.yml"
else
    fail "yamllint found problems in docker-compose.yml (output above)"
fi

# structure, on the file as docker-compose resolves it
if docker-compose --project-directory "$ROOT" --env-file "$WORK/.env" -f docker-compose.yml config > "$WORK/resolved.yml" 2>"$WORK/resolved.err" \
    && python3 - "$WORK/resolved.yml" <<'PY'
import os, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
services = doc.get("services", {})
problems = []
required = {"routeplan", "worker", "postgres", "redis", "rabbitmq", "sftp", "mailpit", "nginx", "prometheus", "grafana"}
missing = required - services.keys()
if missing:
    problems.append("services missing: " + ", ".join(sorted(missing)))
for name, svc in services.items():
    image = svc.get("image", "")
    tag = image.rsplit("/", 1)[-1].partition(":")[2]
    if not tag or tag == "latest" or "@" in image and not tag:
        problems.append(f"{name}: image '{image}' is not pinned by a tag (and never 'latest')")
    if "healthcheck" not in svc or svc["healthcheck"].get("disable"):
        problems.append(f"{name}: no healthcheck")
app = services.get("routeplan", {})
deps = app.get("depends_on", {})
if not isinstance(deps, dict) or deps.get("postgres", {}).get("condition") != "service_healthy":
    problems.append("routeplan: depends_on postgres must have condition: service_healthy")
env = app.get("environment", {})
if env.get("SPRING_PROFILES_ACTIVE") != "postgres":
    problems.append("routeplan: SPRING_PROFILES_ACTIVE must be postgres")
for key in ("ROUTEPLAN_DB_HOST", "ROUTEPLAN_DB_PASSWORD", "ROUTEPLAN_REDIS_HOST"):
    if key not in env:
        problems.append(f"routeplan: {key} is not set")
if "serve" not in (app.get("command") or []):
    problems.append("routeplan: command must run `serve`")
# the partition worker (README, Scale-out): the service's image in worker mode, after the database and the
# broker are healthy, probed on its own port (the image's HEALTHCHECK asks 8080, which a worker does not open)
worker = services.get("worker", {})
if worker:
    if (worker.get("command") or [None])[0] != "worker":
        problems.append("worker: command must run `worker`")
    if worker.get("image") != app.get("image"):
        problems.append(f"worker: image '{worker.get('image')}' is not the service's '{app.get('image')}'")
    wdeps = worker.get("depends_on", {})
    for dep in ("postgres", "rabbitmq"):
        if not isinstance(wdeps, dict) or wdeps.get(dep, {}).get("condition") != "service_healthy":
            problems.append(f"worker: depends_on {dep} must have condition: service_healthy")
    wenv = worker.get("environment", {})
    if str(wenv.get("ROUTEPLAN_PARTITIONING_MODE", "")).lower() != "remote":
        problems.append("worker: ROUTEPLAN_PARTITIONING_MODE must be remote")
    for key in ("ROUTEPLAN_DB_HOST", "ROUTEPLAN_DB_PASSWORD", "SPRING_RABBITMQ_HOST", "SPRING_RABBITMQ_PASSWORD"):
        if wenv.get(key) != env.get(key):
            problems.append(f"worker: {key} must be the service's (the job repository and broker they share)")
    if ":8081/health/" not in " ".join(str(t) for t in (worker.get("healthcheck", {}).get("test") or [])):
        problems.append("worker: the healthcheck must ask the worker port 8081's /health/ path")
    if worker.get("ports"):
        problems.append("worker: publishes ports (nothing calls a worker; --scale needs none)")
    if not worker.get("read_only"):
        problems.append("worker: the root filesystem must be read_only, as the service's")
if not any(":/var/lib/postgresql/data" in str(v) or (isinstance(v, dict) and v.get("target") == "/var/lib/postgresql/data")
           for v in services.get("postgres", {}).get("volumes", [])):
    problems.append("postgres: no volume on /var/lib/postgresql/data")
redis_cmd = " ".join(services.get("redis", {}).get("command") or [])
if "redis.conf" not in redis_cmd or "--requirepass" not in redis_cmd:
    problems.append("redis: must start from config/redis/redis.conf with --requirepass from the environment")
# a volume mounted inside a read-only bind mount needs its mount point in the bind's source: the
# engine cannot create it in a read-only folder (e.g. config/prometheus/secrets/ for Prometheus)
for name, svc in services.items():
    mounts = []
    for v in svc.get("volumes", []) or []:
        if isinstance(v, str):
            parts = v.split(":")
            mounts.append((parts[0], parts[1] if len(parts) > 1 else parts[0], len(parts) > 2 and "ro" in parts[2].split(",")))
        else:
            mounts.append((v.get("source"), v.get("target"), bool(v.get("read_only"))))
    for source, target, read_only in mounts:
        if not read_only or not source or not source.startswith("/") or not os.path.isdir(source):
            continue
        for _, inner, _ in mounts:
            if inner.startswith(target.rstrip("/") + "/"):
                point = os.path.join(source, inner[len(target):].lstrip("/"))
                if not os.path.isdir(point):
                    problems.append(f"{name}: {inner} is mounted inside the read-only {target}, but its mount point "
                                    f"{os.path.relpath(point)} does not exist (keep it in git, empty)")
for p in problems:
    print("FAIL: docker-compose.yml: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
then
    ok "docker-compose.yml structure (services, health checks, depends_on, pinned images)"
else
    cat "$WORK/resolved.err" >&2 || true
    fail "docker-compose.yml structure (see above)"
fi

# ------------------------------------------------------------------------------------ redis.conf
grep -Eq '^maxmemory[[:space:]]+[0-9]+' config/redis/redis.conf || fail "redis.conf: no maxmemory"
grep -Eq '^maxmemory-policy[[:space:]]+allkeys-lru' config/redis/redis.conf || fail "redis.conf: maxmemory-policy must be allkeys-lru (a cache)"
grep -Eq '^save[[:space:]]+""' config/redis/redis.conf || fail "redis.conf: RDB snapshots must be off (save \"\")"
grep -Eq '^appendonly[[:space:]]+no' config/redis/redis.conf || fail "redis.conf: AOF must be off (appendonly no)"
if grep -Eq '^[[:space:]]*requirepass[[:space:]]+[^[:space:]]' config/redis/redis.conf; then
    fail "redis.conf: requirepass must not be in the file (the password comes from .env)"
fi
ok "config/redis/redis.conf checked"

# ------------------------------------------------------------------------------------ Dockerfile
# drop comments and join continuation lines, so that each instruction is one line
DF="$WORK/Dockerfile.flat"
sed -E '/^[[:space:]]*#/d' Dockerfile | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' > "$DF"
# the final stage: everything after the last FROM
FINAL="$WORK/Dockerfile.final"
awk '/^[[:space:]]*FROM[[:space:]]/{buf=""} {buf = buf $0 "\n"} END{printf "%s", buf}' "$DF" > "$FINAL"

[ "$(grep -Eci '^[[:space:]]*FROM[[:space:]]' "$DF")" -ge 2 ] || fail "Dockerfile: not multi-stage (one FROM)"
grep -Eq 'mvnw[^|;&]*package' "$DF" || fail "Dockerfile: the build stage must build with the Maven wrapper (./mvnw ... package)"

last_user="$(grep -Ei '^[[:space:]]*USER[[:space:]]' "$FINAL" | tail -n 1 | awk '{print $2}')"
case "$last_user" in
    1001|1001:*) ok "Dockerfile: final stage runs as USER $last_user" ;;
    "") fail "Dockerfile: the final stage has no USER (it would run as root)" ;;
    *) fail "Dockerfile: the final stage's last USER is '$last_user', expected 1001" ;;
esac

while read -r image; do
    case "$image" in
        \$\{*\}) ;;   # an ARG: its default is checked below
        *:latest|*:latest@*) fail "Dockerfile: FROM $image uses latest" ;;
        *:*) ;;
        *) grep -Eq "AS[[:space:]]+$image\$" "$DF" -i || fail "Dockerfile: FROM $image is not pinned by a tag" ;;
    esac
done < <(grep -Ei '^[[:space:]]*FROM[[:space:]]' "$DF" | awk '{for (i = 2; i <= NF; i++) if ($i !~ /^--/) {print $i; break}}')
while read -r line; do
    value="${line#*=}"
    case "$value" in
        *:latest*) fail "Dockerfile: $line uses latest" ;;
        *:*) ;;
        *) fail "Dockerfile: $line names an image without a tag" ;;
    esac
done < <(grep -Ei '^[[:space:]]*ARG[[:space:]]+[A-Z_]*IMAGE=' "$DF" | sed -E 's/^[[:space:]]*ARG[[:space:]]+//')
if grep -Eiq 'latest' "$DF"; then fail "Dockerfile: mentions latest"; fi

grep -Eq '^[[:space:]]*HEALTHCHECK[[:space:]].*/actuator/health/liveness' "$FINAL" \
    || fail "Dockerfile: the final stage needs a HEALTHCHECK on /actuator/health/liveness"

if grep -Ei '^[[:space:]]*(ENV|ARG)[[:space:]]' "$DF" | grep -Eiq '(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY)[A-Z_]*[[:space:]]*=[[:space:]]*[^[:space:]]'; then
    fail "Dockerfile: an ENV or ARG sets a secret-looking value (secrets come at run time): $(grep -Ei '^[[:space:]]*(ENV|ARG)[[:space:]]' "$DF" | grep -Ei '(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY)' | head -n 1)"
fi
grep -Eq 'jarmode=tools[^|;&]*extract[^|;&]*--layers' "$DF" || fail "Dockerfile: the jar must be extracted in layers (java -Djarmode=tools -jar ... extract --layers --launcher)"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
    grep -Eq "^[[:space:]]*COPY[[:space:]].*/$layer/" "$FINAL" || fail "Dockerfile: the final stage does not copy the $layer layer"
done
# the application layer must be the last of the four, so that a code change rebuilds only it
last_layer="$(grep -Eo '/(dependencies|spring-boot-loader|snapshot-dependencies|application)/' "$FINAL" | tail -n 1)"
[ "$last_layer" = "/application/" ] || fail "Dockerfile: the application layer must be copied last (found $last_layer last)"
grep -Eq 'fontconfig' "$FINAL" || fail "Dockerfile: the runtime needs fontconfig (JasperReports, Java2D)"
grep -Eq 'fonts-noto-core|fonts-deva|fonts-lohit-deva' "$FINAL" || fail "Dockerfile: the runtime needs a Devanagari font package"
grep -Eq '^[[:space:]]*EXPOSE[[:space:]]+8080' "$FINAL" || fail "Dockerfile: EXPOSE 8080 missing"
grep -Eq 'chown[^|;&]*(1001|APP_UID)[^|;&]*/app/data' "$FINAL" || fail "Dockerfile: the writable paths (/app/data, out, tmp) must be owned by 1001"
ok "Dockerfile structure checked"

# ------------------------------------------------------------------------------------ .dockerignore
for pattern in .git .env '**/target'; do
    grep -Fxq "$pattern" .dockerignore || fail ".dockerignore must exclude $pattern"
done
ok ".dockerignore checked"

if [ "$failures" -gt 0 ]; then
    echo "container validation: $failures problem(s)" >&2
    exit 1
fi
echo "container validation: all checks passed"
