#!/usr/bin/env bash
# Validates issue 15's observability files with the tools that read them:
#   nginx -t     config/nginx/conf.d/routeplan.conf (self-signed certificate made here)
#   promtool     check config, check rules, test rules (config/prometheus/tests/*.yml)
#   yamllint     the Prometheus and Grafana YAML
#   python3      the dashboards' JSON
# Whether every series a rule or a panel names is one the app exports is checked against the app itself:
# PrometheusScrapeTests (Maven build) runs Debian's Prometheus from this config, scraping the service.
# Installs nginx, prometheus (promtool) and yamllint with apt-get when they are missing.
# Usage: scripts/validate/observe.sh   (from anywhere; exits non-zero on the first broken file)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

fail() {
    echo "observe: FAIL: $*" >&2
    exit 1
}

need() {
    local tool="$1" package="$2"
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "observe: installing $package for $tool"
        if [[ $(id -u) -eq 0 ]]; then
            apt-get install -y -q "$package" >/dev/null || fail "apt-get install $package failed"
        else
            sudo apt-get install -y -q "$package" >/dev/null || fail "apt-get install $package failed"
        fi
    fi
}

need nginx nginx
need promtool prometheus
need yamllint yamllint
need openssl openssl
need python3 python3

# Debian puts nginx in /usr/sbin, which a non-root PATH may lack
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== nginx -t"
mkdir -p "$work/conf.d" "$work/tls" "$work/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=routeplan.test" \
    -keyout "$work/tls/tls.key" -out "$work/tls/tls.crt" 2>/dev/null || fail "cannot make a self-signed certificate"
# The real file, with only what differs here swapped: the certificate's folder, and the upstream
# host (the compose name "routeplan" does not resolve outside compose, and nginx -t resolves it).
sed -e "s#/etc/nginx/tls/#$work/tls/#g" -e 's#server routeplan:8080#server 127.0.0.1:8080#' \
    config/nginx/conf.d/routeplan.conf >"$work/conf.d/routeplan.conf"
grep -q 'server 127.0.0.1:8080' "$work/conf.d/routeplan.conf" \
    || fail "config/nginx/conf.d/routeplan.conf: no 'server routeplan:8080' in upstream routeplan"
cat >"$work/nginx.conf" <<CONF
# the smallest nginx.conf around the real server blocks, as the official image's includes them
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
    access_log $work/logs/access.log;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include /etc/nginx/mime.types;
    include $work/conf.d/*.conf;
}
CONF
"$nginx_bin" -t -q -c "$work/nginx.conf" -p "$work" || fail "nginx -t rejects config/nginx/conf.d/routeplan.conf"
echo "nginx: config/nginx/conf.d/routeplan.conf OK"

echo "== promtool"
# chained with &&: in a subshell tested by || set -e is off, and only the last command's status would count
(
    cd config/prometheus &&
        # also checks the rule files it names; the client secret file is the operator's (not needed here)
        promtool check config prometheus.yml &&
        promtool check rules alerts.yml &&
        promtool test rules tests/*.yml
) || fail "promtool: config/prometheus is broken (see above)"

echo "== yamllint"
yamllint -s -d '{extends: default, rules: {line-length: {max: 140}}}' config/prometheus config/grafana/provisioning \
    || fail "yamllint: config/prometheus or config/grafana/provisioning"

echo "== dashboards"
for board in config/grafana/dashboards/*.json; do
    python3 -m json.tool "$board" >/dev/null || fail "$board is not valid JSON"
done

echo "observe: all OK"
