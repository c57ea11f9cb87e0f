#!/usr/bin/env bash
# Startup benchmark: the whole suite through ./run.sh (all four JVMs booting at once on this
# machine), then each service alone (a second instance against the same PostgreSQL and Kafka, as a new replica),
# readiness time measured from JVM launch, resident memory from ps. Ends with Ctrl-C (SIGINT) and
# checks that no process of the suite is left. Usage: bench/startup.sh (after ./mvnw -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

ms() { date +%s%3N; }
# Readiness is on the management interface: the API port + 1000 here, as in the local run.
ready() { curl -fs -o /dev/null "http://127.0.0.1:$(( $1 + 1000 ))/q/health/ready"; }

echo "## Whole suite (./run.sh, build skipped)"
t0=$(ms)
CIVMIL_SKIP_BUILD=true ./run.sh >"$log" 2>&1 &
runner=$!
until grep -q "is up" "$log"; do
  kill -0 $runner 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
echo "suite up (every health check UP) in $(( $(ms) - t0 )) ms wall clock; the run reports: $(grep -o 'is up ([^)]*)' "$log")"
echo
echo "| service (started together) | Quarkus 'started in' | RSS after start |"
echo "|---|---|---|"
for svc in gateway zones-service partnership-service referral-network-service; do
  started=$(grep -o 'started in [0-9.]*s' "devstack/target/run-logs/$svc.log" | head -1 | cut -d' ' -f3)
  pid=$(pgrep -f "$svc/target/quarkus-app/quarkus-run.jar" | head -1)
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  echo "| $svc | $started | $(( rss / 1024 )) MiB |"
done

echo
echo "| service (started alone, suite idle) | JVM launch to ready | Quarkus 'started in' | RSS when ready |"
echo "|---|---|---|---|"
port=9180
for svc in gateway zones-service partnership-service referral-network-service; do
  pid=$(pgrep -f "$svc/target/quarkus-app/quarkus-run.jar" | head -1)
  # The exact command the run used, on another port.
  mapfile -d '' cmd < "/proc/$pid/cmdline"
  args=()
  for a in "${cmd[@]}"; do
    case "$a" in
      -Dquarkus.http.port=*) args+=("-Dquarkus.http.port=$port") ;;
      -Dquarkus.management.port=*) args+=("-Dquarkus.management.port=$(( port + 1000 ))") ;;
      # As a new replica starts (the local run's second ones too): the demo data is the first instance's to load.
      -Dcivmil.demo-data.enabled=*) args+=("-Dcivmil.demo-data.enabled=false") ;;
      *) args+=("$a") ;;
    esac
  done
  alone=$(mktemp)
  t0=$(ms)
  (cd "$svc" && exec "${args[@]}" >"$alone" 2>&1) &
  child=$!
  until ready $port; do sleep 0.05; done
  elapsed=$(( $(ms) - t0 ))
  jpid=$(pgrep -f "quarkus.http.port=$port" | head -1)
  rss=$(ps -o rss= -p "$jpid" | tr -d ' ')
  started=$(grep -o 'started in [0-9.]*s' "$alone" | head -1 | cut -d' ' -f3)
  echo "| $svc | $elapsed ms | $started | $(( rss / 1024 )) MiB |"
  kill "$jpid"; wait $child 2>/dev/null || true
  rm -f "$alone"
  port=$((port + 1))
done

echo
t0=$(ms)
# SIGTERM: a background job ignores SIGINT; the run stops the same way on both (shutdown hook).
kill -TERM $runner
wait $runner || true
echo "SIGTERM (as Ctrl-C) to all stopped: $(( $(ms) - t0 )) ms"
left=$(pgrep -fa 'quarkus-run.jar|fr.civmil.health.devstack.DevStack|bin/postgres' || true)
if [ -n "$left" ]; then echo "LEFT BEHIND:"; echo "$left"; exit 1; fi
echo "no process of the suite left"
