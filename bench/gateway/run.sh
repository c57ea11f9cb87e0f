#!/usr/bin/env bash
# Gateway overhead benchmark: the same small JSON route called directly, through nginx (plain reverse
# proxy, no auth) and through the gateway (JWT verification, role policy, quota and audit all on),
# side by side in one run: throughput with wrk, latency percentiles with bench/common/LoadClient.java.
# Needs: wrk, nginx (Debian packages), a built gateway (./mvnw -B -DskipTests install) and devstack's
# classpath (same build).
# Usage: bench/gateway/run.sh [seconds per measure, default 15] [warm-up seconds, default 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_PER_RUN=${1:-15}
WARMUP_SECONDS=${2:-30}
WORK=$(mktemp -d /tmp/civmil-bench-gateway.XXXXXX)
OUT=$ROOT/bench/gateway/results.txt
UPSTREAM_PORT=18081 NGINX_PORT=18088 GATEWAY_PORT=18080 GATEWAY_MANAGEMENT_PORT=19080
PATH_UNDER_TEST=/api/v1/territories/regions/76
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# 1. The upstream stands in for a service with an answer that costs nothing, so what is measured is
#    the proxies' own cost. nginx serves it, and in a second server proxies to it (keep-alive pool).
# shellcheck source=bench/common/edge.sh
source bench/common/edge.sh
start_nginx "$(static_server $UPSTREAM_PORT)
$(proxy_server $NGINX_PORT $UPSTREAM_PORT)"

# 2. PostgreSQL (audit trail) and the token issuer.
java -cp "devstack/target/classes:devstack/target/lib/*" bench/gateway/BenchStack.java "$WORK/stack.env" \
  > "$WORK/stack.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do [ -s "$WORK/stack.env" ] && break; sleep 0.5; done
# shellcheck disable=SC1091
source "$WORK/stack.env"

# 3. The gateway, as in the local run but with the default JIT, and quotas high enough not to refuse
#    the load (the quota is still checked on every request).
start_gateway $GATEWAY_PORT $GATEWAY_MANAGEMENT_PORT "$JDBC_URL" zones-service http://127.0.0.1:$UPSTREAM_PORT \
  http://127.0.0.1:$UPSTREAM_PORT \
  -Dcivmil.edge.quota.default.capacity=10000000 -Dcivmil.edge.quota.default.per-second=10000000
for _ in $(seq 1 120); do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" && break
  sleep 0.5
done
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" > /dev/null \
  || { cat "$WORK/gateway.log"; exit 1; }

# Throughput with wrk (as asked), latency with bench/common/LoadClient.java: wrk's percentiles here
# contradict its own request rate (see bench/common/LoadClient.java), the client's are checked against it.
measure() { # name url threads connections [auth]
  local args=(-t "$3" -c "$4" -d "${SECONDS_PER_RUN}s")
  local header=()
  [ "${5:-}" = auth ] && args+=(-H "Authorization: Bearer $TOKEN") && header=("Authorization: Bearer $TOKEN")
  wrk "${args[@]}" "$2" > "$WORK/wrk.txt"
  grep -q "Non-2xx" "$WORK/wrk.txt" && { echo "non-2xx answers for $1:"; cat "$WORK/wrk.txt"; exit 1; }
  echo "$2" > "$WORK/url.txt"
  java bench/common/LoadClient.java "$4" "$SECONDS_PER_RUN" 3 "$WORK/url.txt" "${header[@]}" > "$WORK/latency.txt"
  grep -q "non-2xx 0," "$WORK/latency.txt" || { echo "non-2xx answers for $1:"; cat "$WORK/latency.txt"; exit 1; }
  printf "%-8s c=%-3s wrk %9s req/s | %s\n" "$1" "$4" "$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")" \
    "$(sed 's/^requests [0-9]* ([^)]*), //' "$WORK/latency.txt")" | tee -a "$OUT"
}

# Until the JIT is done with the hot path (on 2 busy cores that takes tens of seconds).
echo "warming up the gateway (${WARMUP_SECONDS}s)..."
wrk -t 2 -c 16 -d "${WARMUP_SECONDS}s" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" > /dev/null

{ echo; echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo "?"), $(nproc) cores, ${SECONDS_PER_RUN}s per measure, GET $PATH_UNDER_TEST"; } | tee -a "$OUT"
for c in ${BENCH_CONNECTIONS:-1 32}; do
  t=$([ "$c" = 1 ] && echo 1 || echo 2)
  [ -n "${BENCH_GATEWAY_ONLY:-}" ] || measure direct  "http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST" "$t" "$c"
  [ -n "${BENCH_GATEWAY_ONLY:-}" ] || measure nginx   "http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST" "$t" "$c"
  measure gateway "http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST" "$t" "$c" auth
done

# Every gateway request must have been audited, none dropped.
sleep 1
dropped=$(curl -s "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/q/metrics" | awk '/^gateway_audit_dropped_total/ {print $2}')
echo "audit records dropped: ${dropped:-0}" | tee -a "$OUT"
