#!/usr/bin/env bash
# Every benchmark with its reference, in one run on this machine, and one table of ratios against the targets
# (docs/performance.md, "All figures in one run"). Installs nginx, wrk and the PostgreSQL client from Debian's
# packages when they are missing, builds, then runs in turn:
#   - startup: the whole suite (./run.sh), each service alone, and a bare Quarkus REST application (bench/hello);
#   - the gateway on a small static answer: direct, nginx, gateway (bench/gateway/run.sh);
#   - events across services, commit to consumer commit (bench/events/Latency.java);
#   - referral: import against COPY, the search on a cache miss against pgbench, and the cached search of one
#     département direct, through nginx and through the gateway (bench/referral/run.sh).
# Each benchmark's own output goes to bench/target/all/<name>.txt; the table to bench/target/all/summary.md.
# Usage: bench/all.sh [--skip-build | --table-only]   (about 20 minutes on 2 cores; --table-only writes the table
# again from the outputs of the last run)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/target/all
mkdir -p "$OUT"

if [ "${1:-}" != --table-only ]; then
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (Debian packages)"
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
fi
export PATH=$PATH:/usr/sbin

if [ "${1:-}" = "" ]; then
  echo "building (./mvnw -B -q -DskipTests install, and bench/hello)"
  ./mvnw -B -q -DskipTests install
  ./mvnw -B -q -Pbench -pl bench/hello -DskipTests package
fi

echo "$(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)" > "$OUT/run.txt"

# A bare Quarkus REST application's JVM launch to its first answer, with the services' flags: the reference of
# the services' start (each alone). Median of 5.
hello_start() {
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 pid
    t0=$(date +%s%3N)
    java -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dquarkus.http.port=18999 \
      -jar bench/hello/target/quarkus-app/quarkus-run.jar > "$OUT/hello.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null http://127.0.0.1:18999/hello; do sleep 0.02; done
    times+=($(( $(date +%s%3N) - t0 )))
    echo "$(( $(ps -o rss= -p $pid) / 1024 ))" > "$OUT/hello-rss.txt"
    kill $pid; wait $pid 2>/dev/null || true
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

echo "== startup"
echo "bare Quarkus REST application, JVM launch to first answer (median of 5): $(hello_start) ms, RSS $(cat "$OUT/hello-rss.txt") MiB" \
  | tee "$OUT/hello.txt"
bench/startup.sh | tee "$OUT/startup.txt"
echo "== gateway, small static answer"
bench/gateway/run.sh 10 20 | tee "$OUT/gateway.txt"
echo "== events across services"
java -cp "devstack/target/classes:devstack/target/lib/*" bench/events/Latency.java 1000 25 | tee "$OUT/events.txt"
echo "== referral: import, search, the real endpoint through nginx and the gateway"
bench/referral/run.sh 100000 10 20 | tee "$OUT/referral.txt"
fi

# The table: each measure, its reference in the same run, the ratio and the target.
# val FILE LINE-PATTERN LABEL: the number after LABEL on the first line matching the pattern (empty if none).
val() { grep -- "$2" "$1" | head -1 | grep -o -- "$3 *[0-9.]*" | head -1 | grep -o '[0-9.]*$' || true; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b == "" || b == 0) print "?"; else printf "%.2f", a / b}'; }
diff() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "" || b == "") print "?"; else printf "%+.3f", a - b}'; }
seconds() { awk -v m="$1" 'BEGIN {if (m == "") print "?"; else printf "%.2f", m / 1000}'; }
meets() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {if (v == "?" || v == "") print "?"; else print ((op == "<=" ? v + 0 <= t + 0 : v + 0 >= t + 0) ? "yes" : "**no**")}'; }
row() { # measure figure reference ref-figure compared op target
  echo "| $1 | $2 | $3 | $4 | $5 | $6 $7 | $(meets "$5" "$6" "$7") |"
}
g=$OUT/gateway.txt r=$OUT/referral.txt e=$OUT/events.txt st=$OUT/startup.txt
{
  echo "Run of $(cat "$OUT/run.txt"), \`bench/all.sh\`."
  echo
  echo "| measure | figure | reference (same run) | figure | compared | target | met |"
  echo "|---|---|---|---|---|---|---|"
  gw=$(val "$r" "real endpoint, gateway c=32 settled" "settled:"); ng=$(val "$r" "real endpoint, nginx c=32 settled" "settled:")
  row "gateway, real endpoint, 32 connections, req/s" "$gw" "nginx" "$ng" "$(ratio "$gw" "$ng")" ">=" 1.0
  first=$(val "$r" "first 8 s" "answers:")
  row "gateway, real endpoint, first 8 s after it answers, req/s" "$first" "gateway settled" "$gw" "$(ratio "$first" "$gw")" ">=" 0.7
  for p in p50 p99; do
    gp=$(val "$r" "real endpoint, gateway c=32 settled" "$p"); dp=$(val "$r" "real endpoint, direct c=32 settled" "$p")
    row "gateway, real endpoint, 1 connection, $p ms" "$gp" "direct" "$dp" "$(diff "$gp" "$dp")" "<=" "$([ $p = p50 ] && echo +0.2 || echo +0.5)"
  done
  sg=$(val "$g" "^gateway  c=32" "wrk"); sn=$(val "$g" "^nginx    c=32" "wrk")
  row "gateway, small static answer, 32 connections, req/s" "$sg" "nginx" "$sn" "$(ratio "$sg" "$sn")" ">=" 0.7
  for flow in "zone designated" "zones coverage" "partnership figures"; do
    label=$(grep -- "$flow" "$e" | head -1 | sed 's/ *n=.*//')
    p50=$(val "$e" "$flow" "p50"); p99=$(val "$e" "$flow" "p99")
    row "events, $label: p50 ms" "$p50" "" "" "$p50" "<=" 20
    row "events, same flow: p99 ms" "$p99" "" "" "$p99" "<=" 50
  done
  miss=$(val "$r" "cache off, 32 connections" "p99"); pg=$(val "$r" "same SQL by pgbench" "p99")
  row "search on a cache miss, 32 connections, p99 ms" "$miss" "the same SQL, pgbench 32 clients" "$pg" "$(ratio "$miss" "$pg")" "<=" 1.3
  imp=$(grep "^import over HTTP" "$r" | head -1 | grep -o '[0-9.]* s ->' | grep -o '^[0-9.]*' || true)
  copy=$(grep "plain COPY" "$r" | head -1 | grep -o '[0-9.]* s$' | grep -o '^[0-9.]*' || true)
  row "import of 100,000 doctors, s" "$imp" "COPY of the same rows" "$copy" "$(ratio "$imp" "$copy")" "<=" 16
  row "import of 100,000 doctors, s" "$imp" "" "" "$imp" "<=" 4
  suite=$(val "$st" "suite up" "in")
  row "whole suite up from ./run.sh (built), s" "$(seconds "$suite")" "" "" "$(seconds "$suite")" "<=" 12
  hello=$(val "$OUT/hello.txt" "bare Quarkus" "5):")
  for svc in zones-service partnership-service referral-network-service gateway; do
    line=$(grep "^| $svc | [0-9]* ms" "$st" | head -1)
    ms=$(awk -F'|' '{print $3}' <<< "$line" | grep -o '[0-9]*' || true); rss=$(awk -F'|' '{print $5}' <<< "$line" | grep -o '[0-9]*' || true)
    row "$svc alone, JVM launch to ready, s" "$(seconds "$ms")" "a bare Quarkus REST application" "$(seconds "$hello")" \
      "$(seconds "$ms")" "<=" 1.5
    row "$svc alone, RSS when ready, MiB" "$rss" "a bare Quarkus REST application" "$(cat "$OUT/hello-rss.txt")" "$rss" "<=" 128
  done
} > "$OUT/summary.md"
echo
cat "$OUT/summary.md"
