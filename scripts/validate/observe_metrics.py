#!/usr/bin/env python3
"""Checks that every series named by the alert rules and the Grafana panels is one routeplan exports.

The list of known series is config/prometheus/known-metrics.txt. A routeplan_* entry names the
meter and the Java file that registers it; this check fails when that file no longer holds the
meter's name, so a renamed meter cannot leave a rule or a panel watching nothing.
Usage: observe_metrics.py REPO_ROOT
"""
import json
import pathlib
import re
import sys

import yaml

KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "inf", "nan", "atan2"}


def series_names(expr):
    """The metric names in a PromQL expression (function names, labels and keywords left out)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)            # string literals
    text = re.sub(r"\{[^}]*\}", " ", text)                      # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)                     # range and subquery windows
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    text = re.sub(r"\boffset\s+-?[0-9a-z]+", " ", text)
    names = set()
    for m in re.finditer(r"(?<![\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?", text):
        name, call = m.group(1), m.group(2)
        if call or name.lower() in KEYWORDS:
            continue
        names.add(name)
    return names


def main(root):
    root = pathlib.Path(root)
    problems = []
    known = {}
    for line in (root / "config/prometheus/known-metrics.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, source = line.split(None, 1)
            known[name] = source.strip()
    for name, source in known.items():
        if source.startswith("code:"):
            meter, _, path = source[len("code:"):].partition("@")
            file = root / path
            if not file.is_file() or f'"{meter}"' not in file.read_text():
                problems.append(f"known-metrics.txt: {name}: meter \"{meter}\" is not registered in {path}")

    used = {}
    rules = yaml.safe_load((root / "config/prometheus/alerts.yml").read_text())
    for group in rules["groups"]:
        for rule in group["rules"]:
            where = f"alerts.yml: {rule.get('alert') or rule.get('record')}"
            for name in series_names(str(rule["expr"])):
                used.setdefault(name, []).append(where)
    dashboards = sorted((root / "config/grafana/dashboards").glob("*.json"))
    if not dashboards:
        problems.append("config/grafana/dashboards: no dashboard")
    for path in dashboards:
        board = json.loads(path.read_text())
        for panel in board.get("panels", []):
            for target in panel.get("targets", []):
                where = f"{path.name}: panel \"{panel.get('title')}\""
                for name in series_names(target.get("expr", "")):
                    used.setdefault(name, []).append(where)
        for variable in board.get("templating", {}).get("list", []):
            query = variable.get("query")
            query = query.get("query", "") if isinstance(query, dict) else (query or "")
            m = re.match(r"\s*label_values\(\s*([^,)]+)", query)
            for name in series_names(m.group(1) if m else query):
                used.setdefault(name, []).append(f"{path.name}: variable {variable.get('name')}")
    for name, wheres in sorted(used.items()):
        if name not in known:
            problems.append(f"unknown metric {name} (not exported by routeplan), used in: " + "; ".join(sorted(set(wheres))))
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    if problems:
        return 1
    print(f"metrics: {len(used)} series names used by rules and panels, all among {len(known)} known")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
