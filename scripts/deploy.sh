#!/usr/bin/env bash
# Deploy routeplan: with docker compose on one host, or with kustomize on a cluster.
#
#   scripts/deploy.sh [--dry-run] [--tag TAG] COMMAND
#     build              build the image routeplan:TAG (Dockerfile at the repository root)
#     deploy-compose     migrate, then start the compose stack with TAG; remembers the previous tag
#     deploy-k8s ENV     ENV = staging | production: secret, migration Job, then the rollout
#     migrate            compose: the migration alone (K8S_ENV=ENV for the cluster's Job)
#     health             wait for readiness, then check that the served version is TAG
#     rollback           compose: the previous tag; K8S_ENV=ENV: kubectl rollout undo
#     cleanup            remove stopped containers, dangling images and finished migration Jobs
#
# --dry-run prints each command instead of running it (needs no Docker engine and no cluster).
# The version: routeplan exposes no version without an ADMIN token (/actuator/info is not
# exposed and no response header carries it), so `health` checks the image tag the ready
# containers run (compose: docker inspect; cluster: every ready pod's image) and that
# /actuator/health/readiness answers UP.
#
# Database schema on rollback: Flyway migrations only go forward. `rollback` puts the previous
# image back on the migrated schema; that is safe because migrations are additive (new tables and
# nullable columns, as the project's sql/ migrations are written). A migration that drops or
# renames must ship in two releases (expand, then contract) so that the previous image still runs;
# otherwise restore the database backup taken before `migrate` (deploy-* print a reminder).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGE=${ROUTEPLAN_IMAGE:-ghcr.io/routeplan/routeplan}
STATE_DIR=${ROUTEPLAN_STATE_DIR:-$ROOT/.deploy}
read -ra COMPOSE_CMD <<< "${COMPOSE:-docker compose}"   # e.g. COMPOSE=docker-compose
HEALTH_URL=${ROUTEPLAN_HEALTH_URL:-http://127.0.0.1:8080/actuator/health/readiness}
HEALTH_TIMEOUT=${ROUTEPLAN_HEALTH_TIMEOUT:-300}
DRY_RUN=0
# what deploy-k8s applies only after the migration Job: the service's Deployment and Service and the
# workers' Deployment (the rest, the Job included, goes first)
HELD_BACK='app.kubernetes.io/component!=server,app.kubernetes.io/component!=worker'
TAG=${ROUTEPLAN_TAG:-}

die() { echo "deploy.sh: $*" >&2; exit 1; }
usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

# run CMD...: runs it, or prints it under --dry-run
run() {
    if [[ $DRY_RUN == 1 && $# -eq 3 && $1 == sh && $2 == -c ]]; then
        printf '+ %s\n' "$3"
    elif [[ $DRY_RUN == 1 ]]; then
        printf '+'; printf ' %q' "$@"; printf '\n'
    else
        "$@"
    fi
}

need() { [[ $DRY_RUN == 1 ]] || command -v "$1" >/dev/null || die "$1 is not installed (needed for $2)"; }

default_tag() {
    if [[ -z $TAG ]]; then
        TAG=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null) || die "no --tag and no git commit to tag with"
    fi
    [[ $TAG != latest ]] || die "refusing the tag 'latest': pin a version or a commit"
}

check_env() {
    [[ ${1:-} =~ ^(staging|production)$ ]] || die "ENV must be staging or production, not '${1:-}'"
    [[ -d $ROOT/k8s/overlays/$1 ]] || die "no overlay k8s/overlays/$1"
}

cmd_build() {
    need docker build
    default_tag
    run docker build --pull -t "$IMAGE:$TAG" "$ROOT"
}

compose_migrate() {
    # the app would migrate under Flyway's lock on start; `routeplan migrate` runs it alone first so
    # that a failed migration stops the deploy while the old container still serves (see
    # k8s/base/migrate-job.yaml). It prints the schema version before and after; exit 1 says why.
    run env ROUTEPLAN_IMAGE="$IMAGE" ROUTEPLAN_TAG="$TAG" "${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" up -d --wait postgres
    run env ROUTEPLAN_IMAGE="$IMAGE" ROUTEPLAN_TAG="$TAG" "${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" run --rm --no-deps routeplan migrate \
        || die "migration failed: the old containers still serve; see the output above"
}

cmd_deploy_compose() {
    need docker deploy-compose
    default_tag
    [[ -f $ROOT/.env || $DRY_RUN == 1 ]] || die "no .env: copy .env.example to .env and fill in the secrets"
    echo "# back up the database before migrating: a rollback cannot undo a migration"
    run mkdir -p "$STATE_DIR"
    if [[ -f $STATE_DIR/compose.current ]]; then
        run cp "$STATE_DIR/compose.current" "$STATE_DIR/compose.previous"
    fi
    run docker pull "$IMAGE:$TAG"
    compose_migrate
    run env ROUTEPLAN_IMAGE="$IMAGE" ROUTEPLAN_TAG="$TAG" "${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" up -d --remove-orphans
    if [[ $DRY_RUN == 1 ]]; then echo "+ echo $TAG > $STATE_DIR/compose.current"; else echo "$TAG" > "$STATE_DIR/compose.current"; fi
    cmd_health compose
}

k8s_apply() {
    local env=$1 overlay=$ROOT/k8s/overlays/$1 ns=routeplan-$1
    need kubectl deploy-k8s
    default_tag
    echo "# back up the database before migrating: a rollback cannot undo a migration"
    run kubectl get namespace "$ns"
    if [[ -f $overlay/secret.env ]]; then
        # the operator's file (git-ignored); otherwise the Secret must already be in the cluster
        run sh -c "kubectl -n $ns create secret generic routeplan-secrets --from-env-file=$overlay/secret.env --dry-run=client -o yaml | kubectl apply -f -"
    else
        run kubectl -n "$ns" get secret routeplan-secrets
    fi
    # the keys of personal data are made once and never replaced by a deploy (k8s/README.md):
    # without them no pod starts, and new keys would leave the stored data unreadable
    run kubectl -n "$ns" get secret routeplan-privacy-keys
    # the tag goes in through a copy of the overlay, so the repository's pinned tag is not edited
    local work
    if [[ $DRY_RUN == 1 ]]; then work=/tmp/routeplan-k8s.XXXXXX; else work=$(mktemp -d); fi
    run cp -r "$ROOT/k8s" "$ROOT/config" "$work/"
    run sh -c "cd $work/k8s/overlays/$env && kustomize edit set image routeplan=$IMAGE:$TAG 2>/dev/null || sed -i 's/^\(    newTag:\).*/\1 $TAG/' kustomization.yaml"
    run sh -c "kubectl kustomize $work/k8s/overlays/$env > $work/manifests.yaml"
    # a Job's pod template cannot change: the previous migration Job goes first
    run kubectl -n "$ns" delete job routeplan-migrate --ignore-not-found
    # everything but the Deployments (service and workers) and the Service first: settings, rule
    # pack, the migration Job; no pod of the new image runs before the schema is migrated
    run kubectl apply -f "$work/manifests.yaml" --selector "$HELD_BACK"
    run kubectl -n "$ns" wait --for=condition=complete job/routeplan-migrate --timeout=900s
    run kubectl -n "$ns" logs job/routeplan-migrate   # schema A -> B (N migrations applied)
    run kubectl apply -f "$work/manifests.yaml"
    run kubectl -n "$ns" rollout status deployment/routeplan --timeout=600s
    run kubectl -n "$ns" rollout status deployment/routeplan-worker --timeout=600s
    run rm -rf "$work"
}

cmd_deploy_k8s() {
    check_env "${1:-}"
    # without --tag: the tag the overlay pins
    [[ -n $TAG ]] || TAG=$(sed -n 's/^ *newTag: *\([^ ]*\).*/\1/p' "$ROOT/k8s/overlays/$1/kustomization.yaml")
    k8s_apply "$1"
    cmd_health k8s "$1"
}

cmd_migrate() {
    default_tag
    if [[ -n ${K8S_ENV:-} ]]; then
        check_env "$K8S_ENV"
        local ns=routeplan-$K8S_ENV
        run kubectl -n "$ns" delete job routeplan-migrate --ignore-not-found
        run sh -c "kubectl kustomize $ROOT/k8s/overlays/$K8S_ENV | kubectl apply -f - --selector '$HELD_BACK'"
        run kubectl -n "$ns" wait --for=condition=complete job/routeplan-migrate --timeout=900s
        run kubectl -n "$ns" logs job/routeplan-migrate
    else
        compose_migrate
    fi
}

cmd_health() {
    local where=${1:-compose} env=${2:-${K8S_ENV:-}}
    default_tag
    if [[ $where == k8s ]]; then
        check_env "$env"
        local ns=routeplan-$env
        run kubectl -n "$ns" rollout status deployment/routeplan --timeout="${HEALTH_TIMEOUT}s"
        run kubectl -n "$ns" wait --for=condition=ready pod -l app.kubernetes.io/component=server --timeout="${HEALTH_TIMEOUT}s"
        if [[ $DRY_RUN == 1 ]]; then
            echo "+ check every ready pod's image is $IMAGE:$TAG"
            return 0
        fi
        local images
        images=$(kubectl -n "$ns" get pods -l app.kubernetes.io/component=server \
            -o jsonpath='{range .items[*]}{.spec.containers[0].image}{"\n"}{end}' | sort -u)
        [[ $images == "$IMAGE:$TAG" ]] || die "version check: pods run '$images', expected $IMAGE:$TAG"
        echo "healthy: $ns serves $IMAGE:$TAG"
        return 0
    fi
    need curl health
    local deadline=$((SECONDS + HEALTH_TIMEOUT))
    if [[ $DRY_RUN == 1 ]]; then
        echo "+ until curl -fsS $HEALTH_URL | grep -q '\"status\":\"UP\"'; do sleep 5; done   # up to ${HEALTH_TIMEOUT}s"
        echo "+ docker inspect --format '{{.Config.Image}}' \$(${COMPOSE_CMD[*]} ps -q routeplan)   # must be $IMAGE:$TAG"
        return 0
    fi
    until curl -fsS "$HEALTH_URL" 2>/dev/null | grep -q '"status":"UP"'; do
        (( SECONDS < deadline )) || die "not ready after ${HEALTH_TIMEOUT}s: $HEALTH_URL"
        sleep 5
    done
    local served
    served=$(docker inspect --format '{{.Config.Image}}' "$("${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" ps -q routeplan)")
    [[ $served == "$IMAGE:$TAG" ]] || die "version check: the container runs $served, expected $IMAGE:$TAG"
    echo "healthy: compose serves $served"
}

cmd_rollback() {
    if [[ -n ${K8S_ENV:-} ]]; then
        check_env "$K8S_ENV"
        need kubectl rollback
        # the schema stays migrated (see the top of this file); the previous ReplicaSets come back,
        # the workers' too: managers and workers of two releases must not share a night
        run kubectl -n "routeplan-$K8S_ENV" rollout undo deployment/routeplan
        run kubectl -n "routeplan-$K8S_ENV" rollout undo deployment/routeplan-worker \
            || echo "deploy.sh: routeplan-worker has no earlier revision (its first release): scale it to 0 if its rule pack is not the service's" >&2
        run kubectl -n "routeplan-$K8S_ENV" rollout status deployment/routeplan --timeout=600s
        run kubectl -n "routeplan-$K8S_ENV" rollout status deployment/routeplan-worker --timeout=600s
        return 0
    fi
    need docker rollback
    local previous
    if [[ $DRY_RUN == 1 ]]; then
        previous=$(cat "$STATE_DIR/compose.previous" 2>/dev/null || echo PREVIOUS_TAG)
    else
        [[ -f $STATE_DIR/compose.previous ]] || die "no previous tag in $STATE_DIR/compose.previous: nothing to roll back to"
        previous=$(<"$STATE_DIR/compose.previous")
    fi
    echo "# the database keeps its migrated schema; $previous must run on it (expand/contract migrations)"
    run env ROUTEPLAN_IMAGE="$IMAGE" ROUTEPLAN_TAG="$previous" "${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" up -d --no-deps routeplan
    # the partition workers too, when they run (the `workers` profile): a manager and workers of two
    # releases must not share a night
    if [[ $DRY_RUN == 1 ]]; then
        echo "# if workers run:"
        run env ROUTEPLAN_IMAGE="$IMAGE" ROUTEPLAN_TAG="$previous" "${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" up -d --no-deps worker
    elif [[ -n $("${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" ps -q worker 2>/dev/null) ]]; then
        run env ROUTEPLAN_IMAGE="$IMAGE" ROUTEPLAN_TAG="$previous" "${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" up -d --no-deps worker
    fi
    if [[ $DRY_RUN == 1 ]]; then echo "+ echo $previous > $STATE_DIR/compose.current"; else echo "$previous" > "$STATE_DIR/compose.current"; fi
    TAG=$previous cmd_health compose
}

cmd_cleanup() {
    if [[ -n ${K8S_ENV:-} ]]; then
        check_env "$K8S_ENV"
        run kubectl -n "routeplan-$K8S_ENV" delete job routeplan-migrate --ignore-not-found
    fi
    run "${COMPOSE_CMD[@]}" -f "$ROOT/docker-compose.yml" rm -f
    run docker image prune -f
}

main() {
    local args=()
    while [[ $# -gt 0 ]]; do
        case $1 in
            --dry-run) DRY_RUN=1 ;;
            --tag) [[ $# -ge 2 ]] || die "--tag needs a value"; TAG=$2; shift ;;
            --tag=*) TAG=${1#--tag=} ;;
            -h|--help) usage; exit 0 ;;
            *) args+=("$1") ;;
        esac
        shift
    done
    [[ ${#args[@]} -gt 0 ]] || { usage >&2; exit 2; }
    local command=${args[0]}
    case $command in
        build) cmd_build ;;
        deploy-compose) cmd_deploy_compose ;;
        deploy-k8s) cmd_deploy_k8s "${args[1]:-}" ;;
        migrate) cmd_migrate ;;
        health) if [[ -n ${K8S_ENV:-} ]]; then cmd_health k8s "$K8S_ENV"; else cmd_health compose; fi ;;
        rollback) cmd_rollback ;;
        cleanup) cmd_cleanup ;;
        *) die "unknown command '$command' (build, deploy-compose, deploy-k8s ENV, migrate, health, rollback, cleanup)" ;;
    esac
}

main "$@"
