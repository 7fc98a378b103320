#!/usr/bin/env bash
# Validates k8s/ and scripts/deploy.sh: every overlay builds with kubectl kustomize, yamllint on
# k8s/, shellcheck on the scripts, deploy.sh's dry runs. What a reviewer checks in the built
# manifests (probes, resources, non-root, selectors, ...) is one JUnit test that reads them into
# fabric8's typed model: deployment/.../KubernetesManifestsTests.java, run by the Maven build.
# Exits non-zero with the file and the reason when something is broken.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
fail() { echo "validate/k8s: $*" >&2; exit 1; }

install_tool() {   # tool package: apt-get when missing (waits for another apt-get's lock; sudo when not root)
    command -v "$1" >/dev/null && return 0
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    echo "validate/k8s: installing $2"
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "$2" >/dev/null \
        || { "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null \
             && "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "$2" >/dev/null; } \
        || fail "cannot install $2"
}
# kubectl comes with the machine (never apt-get kubernetes-client: it breaks that kubectl)
command -v kubectl >/dev/null || fail "kubectl is missing (see docs/STACK.md); not installing kubernetes-client"
install_tool yamllint yamllint
install_tool shellcheck shellcheck

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== yamllint k8s/ config/rules/kustomization.yaml"
yamllint -s -d '{extends: default, rules: {line-length: {max: 120}, document-start: disable, comments: {min-spaces-from-content: 1}, indentation: {indent-sequences: consistent}}}' \
    k8s config/rules/kustomization.yaml || fail "yamllint found problems (above)"

echo "== shellcheck .ci/run scripts/*.sh scripts/lib/*.sh scripts/validate/*.sh (-x: into what they source)"
shellcheck -x .ci/run scripts/*.sh scripts/lib/*.sh scripts/validate/*.sh || fail "shellcheck found problems (above)"

for overlay in k8s/overlays/*/; do
    env=$(basename "$overlay")
    echo "== kubectl kustomize $overlay"
    kubectl kustomize "$overlay" > "$out/$env.yaml" || fail "$overlay does not build"
    echo "$overlay: $(grep -c '^kind:' "$out/$env.yaml") objects"
done

echo "== deploy.sh dry runs"
scripts/deploy.sh deploy-compose --dry-run --tag 0.0.0-check >/dev/null || fail "deploy.sh deploy-compose --dry-run failed"
scripts/deploy.sh deploy-k8s staging --dry-run --tag 0.0.0-check >/dev/null || fail "deploy.sh deploy-k8s staging --dry-run failed"
echo "validate/k8s: OK"
