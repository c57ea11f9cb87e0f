#!/usr/bin/env bash
# Checks the monitoring files: the Prometheus scrape config, alert rules and their unit tests (deploy/prometheus)
# with promtool, then the Grafana dashboard (deploy/grafana/civmil-suite.json): valid JSON, unique panel ids,
# every query valid PromQL naming only known metrics (tools/ops/queries.mjs says what else). Any error fails.
# Usage: tools/ops/check.sh (from anywhere; needs promtool, installed from Debian's `prometheus` package when
# missing and running as root, and Node 20).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v promtool >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus) >/dev/null 2>&1 || true
fi
if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool not available (Debian/Ubuntu: apt-get install prometheus): monitoring files not checked" >&2
  exit 1
fi

status=0
echo "== promtool check config deploy/prometheus/prometheus.yml"
promtool check config deploy/prometheus/prometheus.yml || status=1
echo "== promtool check rules deploy/prometheus/alerts.yml"
promtool check rules deploy/prometheus/alerts.yml || status=1
echo "== promtool test rules deploy/prometheus/alerts-test.yml"
promtool test rules deploy/prometheus/alerts-test.yml || status=1

echo "== Grafana dashboard, metric names, runbook anchors, test coverage (tools/ops/queries.mjs)"
queries=$(mktemp --suffix=.json)
trap 'rm -f "$queries"' EXIT
node tools/ops/queries.mjs "$queries" || status=1
echo "== promtool check rules: the dashboard's queries"
promtool check rules "$queries" || status=1

if [ "$status" = 0 ]; then
  echo "Monitoring files: valid"
fi
exit $status
