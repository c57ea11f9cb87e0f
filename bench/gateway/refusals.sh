#!/usr/bin/env bash
# Refusals are cheap: while one client sends as fast as it can through the gateway, far over its quota
# (almost every answer a 429), another client's latency through the gateway is measured; the reference is
# the same load sent elsewhere (the same wrk against nginx's static answer, on the same 2 cores) while the
# other client is measured the same way. Target: the other client's p99 within 2x of the reference.
# Needs: wrk, nginx (Debian packages), a built gateway (./mvnw -B -DskipTests install).
# Usage: bench/gateway/refusals.sh [seconds per measure, default 10] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_PER_RUN=${1:-10}
ROUNDS=${2:-3}
WORK=$(mktemp -d /tmp/civmil-bench-refusals.XXXXXX)
OUT=$ROOT/bench/gateway/refusals.txt
UPSTREAM_PORT=18181 GATEWAY_PORT=18180
PATH_UNDER_TEST=/api/v1/territories/regions/76
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The upstream answers at no cost (nginx), so what is measured is the gateway's.
# shellcheck source=bench/common/edge.sh
source bench/common/edge.sh
start_nginx "$(static_server $UPSTREAM_PORT)"

java -cp "devstack/target/classes:devstack/target/lib/*" bench/gateway/BenchStack.java "$WORK/stack.env" \
  > "$WORK/stack.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do [ -s "$WORK/stack.env" ] && break; sleep 0.5; done
# shellcheck disable=SC1091
source "$WORK/stack.env"

# The greedy client (ars) has QUOTA requests/s (default 600, burst twice that), so that the ~30,000 requests/s
# wrk sends on 2 cores are about 50x its quota; the measured one is an admin with a quota it never reaches.
QUOTA=${QUOTA:-600}
start_gateway $GATEWAY_PORT $((GATEWAY_PORT + 1000)) "$JDBC_URL" zones-service http://127.0.0.1:$UPSTREAM_PORT \
  http://127.0.0.1:$UPSTREAM_PORT \
  -Dcivmil.edge.quota.roles.ars.capacity=$((QUOTA * 2)) -Dcivmil.edge.quota.roles.ars.per-second=$QUOTA \
  -Dcivmil.edge.quota.roles.admin.capacity=10000000 -Dcivmil.edge.quota.roles.admin.per-second=10000000
for _ in $(seq 1 120); do
  curl -sf -o /dev/null -H "Authorization: Bearer $PATIENT_TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" && break
  sleep 0.5
done
echo "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" > "$WORK/url.txt"

echo "warming up (20 s)..."
wrk -t 2 -c 16 -d 10s -H "Authorization: Bearer $PATIENT_TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" > /dev/null
wrk -t 2 -c 16 -d 10s -H "Authorization: Bearer $GREEDY_TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" > /dev/null

# One measure: wrk (2 threads, LOAD_CONNECTIONS connections, default 32) sends the load somewhere while the patient client (1 connection)
# is measured through the gateway by bench/common/LoadClient.java.
measure() { # name load-url [greedy]
  local args=(-t 2 -c "${LOAD_CONNECTIONS:-32}" -d "$((SECONDS_PER_RUN + 4))s")
  [ "${3:-}" = greedy ] && args+=(-H "Authorization: Bearer $GREEDY_TOKEN")
  wrk "${args[@]}" "$2" > "$WORK/wrk.txt" &
  local wrk_pid=$!
  sleep 2
  java bench/common/LoadClient.java 1 "$SECONDS_PER_RUN" 0 "$WORK/url.txt" "Authorization: Bearer $PATIENT_TOKEN" > "$WORK/latency.txt"
  wait $wrk_pid
  local rate non2xx
  rate=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
  printf "%-9s load %9s req/s (non-2xx %s) | other client: %s\n" "$1" "$rate" "${non2xx:-0}" \
    "$(sed 's/^requests [0-9]* ([^)]*), //' "$WORK/latency.txt")" | tee -a "$OUT"
}

{ echo; echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo "?"), $(nproc) cores, ${SECONDS_PER_RUN}s per measure, greedy client's quota $QUOTA/s (burst $((QUOTA * 2)))"; } | tee -a "$OUT"
for _ in $(seq 1 "$ROUNDS"); do
  measure elsewhere "http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
  measure over-quota "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" greedy
done
sleep 2
echo "quota refusals counted: $(curl -s -H "Authorization: Bearer $PATIENT_TOKEN" \
  "http://127.0.0.1:$GATEWAY_PORT/api/v1/audit/quota-refusals?client=greedy-client&size=200" \
  | grep -o '"refusals":[0-9]*' | cut -d: -f2 | paste -sd+ | bc), audit rows of 429: $(curl -s -H "Authorization: Bearer $PATIENT_TOKEN" \
  "http://127.0.0.1:$GATEWAY_PORT/api/v1/audit?status=429&size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)" | tee -a "$OUT"
