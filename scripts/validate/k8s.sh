#!/usr/bin/env bash
# Validates k8s/ and scripts/deploy.sh: every overlay builds with kubectl kustomize, yamllint on
# k8s/, shellcheck on the scripts, and a reviewer's checks on the built manifests (python3).
# Exits non-zero with the file and the reason when something is broken.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
fail() { echo "validate/k8s: $*" >&2; exit 1; }

install_tool() {   # tool package: apt-get when missing (waits for another apt-get's lock)
    command -v "$1" >/dev/null && return 0
    echo "validate/k8s: installing $2"
    apt-get -o DPkg::Lock::Timeout=600 install -y -q "$2" >/dev/null \
        || { apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null && apt-get -o DPkg::Lock::Timeout=600 install -y -q "$2" >/dev/null; } \
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

echo "== shellcheck .ci/run scripts/*.sh scripts/validate/*.sh"
shellcheck .ci/run scripts/*.sh scripts/validate/*.sh || fail "shellcheck found problems (above)"

for overlay in k8s/overlays/*/; do
    env=$(basename "$overlay")
    echo "== kubectl kustomize $overlay"
    kubectl kustomize "$overlay" > "$out/$env.yaml" || fail "$overlay does not build"
    python3 - "$out/$env.yaml" "$env" <<'PY' || fail "$overlay: the built manifests fail the checks (above)"
import sys, yaml
path, env = sys.argv[1], sys.argv[2]
docs = [d for d in yaml.safe_load_all(open(path)) if d]
errors = []
def err(msg): errors.append(f"{env}: {msg}")
def kinds(k): return [d for d in docs if d["kind"] == k]
def matches(selector, labels): return all(labels.get(k) == v for k, v in selector.items())

deps = kinds("Deployment")
if len(deps) != 1: err(f"expected one Deployment, found {len(deps)}")
dep = deps[0]
spec, pod = dep["spec"], dep["spec"]["template"]["spec"]
labels = dep["spec"]["template"]["metadata"]["labels"]
if spec.get("replicas") != 3: err("Deployment replicas must be 3")
if not matches(spec["selector"]["matchLabels"], labels): err("Deployment selector does not match its pods")
anti = pod.get("affinity", {}).get("podAntiAffinity", {})
terms = anti.get("requiredDuringSchedulingIgnoredDuringExecution", []) + \
    [t["podAffinityTerm"] for t in anti.get("preferredDuringSchedulingIgnoredDuringExecution", [])]
if not any(t.get("topologyKey") == "kubernetes.io/hostname" and matches(t["labelSelector"]["matchLabels"], labels) for t in terms):
    err("no pod anti-affinity across nodes (kubernetes.io/hostname) selecting the pods")
psc = pod.get("securityContext", {})
if psc.get("runAsNonRoot") is not True or psc.get("runAsUser") != 1001: err("pod must runAsNonRoot with uid 1001")
mounts_tmp = False
for c in pod["containers"]:
    n = c["name"]
    for probe, path in (("readinessProbe", "/actuator/health/readiness"), ("livenessProbe", "/actuator/health/liveness"), ("startupProbe", None)):
        p = c.get(probe)
        if not p or "httpGet" not in p: err(f"{n}: {probe} missing"); continue
        if path and p["httpGet"]["path"] != path: err(f"{n}: {probe} must GET {path}")
    r = c.get("resources", {})
    want = {"requests": {"cpu": "250m", "memory": "512Mi"}, "limits": {"cpu": "1", "memory": "1Gi"}}
    for kind, values in want.items():
        for key, value in values.items():
            if str(r.get(kind, {}).get(key)) != value: err(f"{n}: resources.{kind}.{key} must be {value}, is {r.get(kind, {}).get(key)}")
    sc = c.get("securityContext", {})
    if sc.get("readOnlyRootFilesystem") is not True: err(f"{n}: readOnlyRootFilesystem must be true")
    if sc.get("allowPrivilegeEscalation") is not False: err(f"{n}: allowPrivilegeEscalation must be false")
    if any(m["mountPath"] == "/tmp" for m in c.get("volumeMounts", [])): mounts_tmp = True
vols = {v["name"]: v for v in pod.get("volumes", [])}
tmp = [v for v in vols.values() if "emptyDir" in v]
if not mounts_tmp or not tmp: err("/tmp must be an emptyDir (the root filesystem is read-only)")
for v in vols.values():
    if "persistentVolumeClaim" in v:
        claim = v["persistentVolumeClaim"]["claimName"]
        pvcs = [d for d in kinds("PersistentVolumeClaim") if d["metadata"]["name"] == claim]
        if not pvcs: err(f"volume {v['name']} names a missing PVC {claim}")
        elif "ReadWriteMany" not in pvcs[0]["spec"]["accessModes"]: err(f"PVC {claim} must be ReadWriteMany")
    if "configMap" in v and not any(d["metadata"]["name"] == v["configMap"]["name"] for d in kinds("ConfigMap")):
        err(f"volume {v['name']} names a missing ConfigMap {v['configMap']['name']}")

for d in docs:
    tmpl = d.get("spec", {}).get("template", {}).get("spec", {})
    for c in tmpl.get("containers", []) + tmpl.get("initContainers", []):
        image = c.get("image", "")
        tag = image.rsplit(":", 1)[1] if ":" in image.rsplit("/", 1)[-1] else ""
        if not tag or tag == "latest": err(f"{d['kind']}/{d['metadata']['name']}: image {image!r} must pin a tag, never latest")
    if d["kind"] == "Secret" and (d.get("data") or d.get("stringData")):
        err(f"Secret/{d['metadata']['name']} carries values; secrets come from the operator")

for s in kinds("Service"):
    if not matches(s["spec"]["selector"], labels): err(f"Service/{s['metadata']['name']} selector {s['spec']['selector']} matches no pod")
for p in kinds("NetworkPolicy") + kinds("PodDisruptionBudget"):
    sel = (p["spec"].get("podSelector") or p["spec"].get("selector"))["matchLabels"]
    pods = [labels] + [j["spec"]["template"]["metadata"]["labels"] for j in kinds("Job")]
    if not any(matches(sel, l) for l in pods): err(f"{p['kind']}/{p['metadata']['name']} selects no pod: {sel}")
for m in kinds("ServiceMonitor"):
    if not any(matches(m["spec"]["selector"]["matchLabels"], s["metadata"].get("labels", {})) for s in kinds("Service")):
        err("ServiceMonitor selects no Service")
for k in ("Namespace", "ConfigMap", "Service", "Ingress", "HorizontalPodAutoscaler", "VerticalPodAutoscaler",
          "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "PrometheusRule", "Job", "PersistentVolumeClaim"):
    if not kinds(k): err(f"no {k}")
for v in kinds("VerticalPodAutoscaler"):
    if v["spec"].get("updatePolicy", {}).get("updateMode") != "Off": err("VPA must be in recommendation mode (updateMode Off)")
for i in kinds("Ingress"):
    if not i["spec"].get("tls") or "cert-manager.io/cluster-issuer" not in i["metadata"].get("annotations", {}):
        err("Ingress needs TLS with a cert-manager issuer")
    if not any(a.startswith("nginx.ingress.kubernetes.io/limit-") for a in i["metadata"].get("annotations", {})):
        err("Ingress needs nginx-ingress rate limits")
if errors:
    print("\n".join(errors), file=sys.stderr); sys.exit(1)
print(f"{env}: {len(docs)} objects pass")
PY
done

echo "== deploy.sh dry runs"
scripts/deploy.sh deploy-compose --dry-run --tag 0.0.0-check >/dev/null || fail "deploy.sh deploy-compose --dry-run failed"
scripts/deploy.sh deploy-k8s staging --dry-run --tag 0.0.0-check >/dev/null || fail "deploy.sh deploy-k8s staging --dry-run failed"
echo "validate/k8s: OK"
