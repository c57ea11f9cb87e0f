#!/usr/bin/env bash
# Referral network benchmark (issue #4), in one run on one machine:
#   1. bulk import of N generated doctors over HTTP, then the same file again, next to a plain
#      PostgreSQL COPY of the same rows into a bare table;
#   2. directory search by département + specialty + accepting at 32 connections (and 1) with
#      bench/common/LoadClient.java, with the search cache on (as deployed) and off, next to the same
#      two SQL statements the service runs on a cache miss, by pgbench at 32 clients;
#   3. 500 parallel assignments on 50 places;
#   4. the cached search of one département called directly, through nginx (a plain keep-alive reverse proxy)
#      and through the gateway (JWT, policy, quota and audit on): throughput with wrk at 32 connections in the
#      first 8 s after the gateway starts and once settled, latency at 1 connection with LoadClient.
# Needs: a built suite (./mvnw -B -DskipTests install), psql and pgbench (Debian package
# postgresql-client, nginx, wrk). Figures are appended to bench/referral/results.txt.
# Usage: bench/referral/run.sh [doctors, default 100000] [seconds per search measure, default 30] [warm-up seconds, default 30]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DOCTORS=${1:-100000}
SECONDS_PER_RUN=${2:-30}
WARMUP_SECONDS=${3:-30}
SERVICE_PORT=18083
MANAGEMENT_PORT=19083
NGINX_PORT=18089 GATEWAY_PORT=18090 GATEWAY_MANAGEMENT_PORT=19090
WORK=$(mktemp -d /tmp/civmil-bench-referral.XXXXXX)
OUT=$ROOT/bench/referral/results.txt
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
report() { echo "$*" | tee -a "$OUT"; }

# 1. PostgreSQL, Kafka and the token issuer; then the service as in production (default GC and JIT).
java -cp "devstack/target/classes:devstack/target/lib/*" bench/common/BenchStack.java "$WORK/stack.env" \
  --database referral --database gateway --kafka > "$WORK/stack.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do [ -s "$WORK/stack.env" ] && break; sleep 0.5; done
# shellcheck disable=SC1091
source "$WORK/stack.env"
export PGHOST=127.0.0.1 PGPORT PGUSER="$JDBC_USER" PGPASSWORD="$JDBC_PASSWORD" PGDATABASE=referral

start_service() { # extra JVM options...
  java -Xms512m -Xmx1g ${SERVICE_JAVA_OPTS:-} "$@" \
    -Dquarkus.http.port=$SERVICE_PORT -Dquarkus.management.port=$MANAGEMENT_PORT \
    -Dquarkus.datasource.jdbc.url="$JDBC_URL_REFERRAL" -Dquarkus.datasource.username="$JDBC_USER" \
    -Dquarkus.datasource.password="$JDBC_PASSWORD" -Dkafka.bootstrap.servers="$KAFKA_BOOTSTRAP_SERVERS" \
    -Dmp.jwt.verify.publickey.location="$JWKS_URL" -Dmp.jwt.verify.issuer="$ISSUER" \
    -jar referral-network-service/target/quarkus-app/quarkus-run.jar >> "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  PIDS+=($SERVICE_PID)
}
wait_ready() {
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" || { cat "$WORK/service.log"; exit 1; }
}
start_service
java -cp reference-data/target/classes:platform/http/target/classes bench/referral/GenerateDoctors.java "$DOCTORS" "$WORK/doctors.csv" "$WORK/departements.txt"
wait_ready
# Ready is not settled: the JIT keeps compiling the startup paths for a few seconds.
sleep 5

{ echo; echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores," \
  "$DOCTORS doctors over $(wc -l < "$WORK/departements.txt") départements${SERVICE_JAVA_OPTS:+ (SERVICE_JAVA_OPTS=$SERVICE_JAVA_OPTS)}"; } | tee -a "$OUT"

# 2. Import, re-import, plain COPY.
post_import() {
  curl -s -o "$WORK/import.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN_CNMSS" \
    -H 'Content-Type: text/csv' --data-binary @"$WORK/doctors.csv" "http://127.0.0.1:$SERVICE_PORT/api/v1/doctors/imports"
}
read -r status seconds <<< "$(post_import)"
[ "$status" = 200 ] || { echo "import answered $status: $(cat "$WORK/import.json")"; exit 1; }
report "import over HTTP (validation, COPY, set-based upsert, one outbox event per doctor): ${seconds} s -> $(cat "$WORK/import.json")"
read -r status seconds <<< "$(post_import)"
[ "$status" = 200 ] || { echo "re-import answered $status"; exit 1; }
report "re-import of the same file (changes nothing): ${seconds} s -> $(cat "$WORK/import.json")"
copy_ms=$(psql -qAt <<SQL | awk '/^Time:/ {print $2}' | tail -1
create temporary table bench_copy (rpps text, last_name text, first_name text, profession text, specialty text, address text,
  postal_code text, commune_code text, phone text, teleconsultation boolean, languages text, accepting boolean,
  remaining integer, confirmed_on date, signed_on text);
\timing on
\copy bench_copy from '$WORK/doctors.csv' (format csv, header)
SQL
)
report "plain COPY of the same rows into a bare table (psql \\copy): $(awk -v ms="$copy_ms" 'BEGIN {printf "%.2f", ms / 1000}') s"

# Searches are measured once the import's events are published (the relay would compete for the CPU).
for _ in $(seq 1 240); do
  [ "$(psql -qAt -c 'select count(*) from outbox_event where published_at is null')" = 0 ] && break; sleep 0.5
done

# 3. Search over HTTP, a random département per request, with bench/common/LoadClient.java (wrk's
#    percentiles on this machine contradict its own request rate; the client's are checked against it).
sed "s|.*|http://127.0.0.1:$SERVICE_PORT/api/v1/doctors?departementCode=&\&specialty=GENERAL_PRACTICE\&accepting=true\&size=20|" \
  "$WORK/departements.txt" > "$WORK/search-urls.txt"
search() { # connections seconds warm-up
  java bench/common/LoadClient.java "$1" "$2" "$3" "$WORK/search-urls.txt" "Authorization: Bearer $TOKEN_ARS"
}
echo "warming up the service (${WARMUP_SECONDS}s)..."
search 8 "$WARMUP_SECONDS" 0 > /dev/null
report "search over HTTP, 32 connections, ${SECONDS_PER_RUN}s: $(search 32 "$SECONDS_PER_RUN" 3)"
report "search over HTTP, 1 connection, ${SECONDS_PER_RUN}s: $(search 1 "$SECONDS_PER_RUN" 3)"
report "search cache: $(curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '/^referral_search_cache_total/ {printf "%s %s  ", $1, $2}')"

# 4. The cached search of one département directly, through nginx and through the gateway (every answer a 200).
one="http://127.0.0.1:%s/api/v1/doctors?departementCode=$(head -1 "$WORK/departements.txt")&specialty=GENERAL_PRACTICE&accepting=true&size=20"
# shellcheck source=bench/common/edge.sh
source bench/common/edge.sh
start_nginx "$(proxy_server $NGINX_PORT $SERVICE_PORT)"
start_gateway $GATEWAY_PORT $GATEWAY_MANAGEMENT_PORT "$JDBC_URL_GATEWAY" referral-network-service \
  http://127.0.0.1:$SERVICE_PORT http://127.0.0.1:$MANAGEMENT_PORT \
  -Dcivmil.edge.quota.default.capacity=10000000 -Dcivmil.edge.quota.default.per-second=10000000
# shellcheck disable=SC2059
for _ in $(seq 1 240); do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN_ARS" "$(printf "$one" $GATEWAY_PORT)" && break
  sleep 0.05
done
wrk_rate() { # url seconds
  wrk -t 2 -c 32 -d "$2s" -H "Authorization: Bearer $TOKEN_ARS" "$1" > "$WORK/wrk.txt"
  grep -q "Non-2xx" "$WORK/wrk.txt" && { echo "non-2xx answers from $1:"; cat "$WORK/wrk.txt"; exit 1; }
  awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt"
}
# shellcheck disable=SC2059
report "real endpoint, gateway c=32 first 8 s after it answers: $(wrk_rate "$(printf "$one" $GATEWAY_PORT)" 8) req/s"
# shellcheck disable=SC2059
wrk -t 2 -c 16 -d "${WARMUP_SECONDS}s" -H "Authorization: Bearer $TOKEN_ARS" "$(printf "$one" $GATEWAY_PORT)" > /dev/null
for target in direct:$SERVICE_PORT nginx:$NGINX_PORT gateway:$GATEWAY_PORT; do
  # shellcheck disable=SC2059
  url=$(printf "$one" "${target#*:}")
  echo "$url" > "$WORK/one-url.txt"
  rate=$(wrk_rate "$url" "$SECONDS_PER_RUN")
  latency=$(java bench/common/LoadClient.java 1 "$SECONDS_PER_RUN" 3 "$WORK/one-url.txt" "Authorization: Bearer $TOKEN_ARS")
  grep -q "non-2xx 0," <<< "$latency" || { echo "non-2xx answers from $url: $latency"; exit 1; }
  report "real endpoint, ${target%%:*} c=32 settled: $rate req/s; c=1: $(sed 's/^requests [0-9]* ([^)]*), //' <<< "$latency")"
done
dropped=$(curl -s "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/q/metrics" | awk '/^gateway_audit_dropped_total/ {print $2}')
report "real endpoint, gateway audit records dropped: ${dropped:-0}"

# The same service with its search cache off: every search runs its SQL, as pgbench does below.
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
start_service -Dcivmil.referral.search-cache.max-size=0
wait_ready
search 8 "$WARMUP_SECONDS" 0 > /dev/null
report "search over HTTP with the cache off, 32 connections, ${SECONDS_PER_RUN}s: $(search 32 "$SECONDS_PER_RUN" 3)"
report "search over HTTP with the cache off, 1 connection, ${SECONDS_PER_RUN}s: $(search 1 "$SECONDS_PER_RUN" 3)"

# 5. The same SQL by pgbench: the page of ids with the total, then the page's doctors (DoctorDirectory, DoctorViews).
departements=$(sed "s/.*/'&'/" "$WORK/departements.txt" | paste -sd,)
cat > "$WORK/search.sql" <<SQL
\set i random(1, $(wc -l < "$WORK/departements.txt"))
select array_agg(doctor_id) as ids from (select d.doctor_id, count(*) over () from directory_entry d where true and d.departement_code = (array[$departements])[:i] and d.specialty = 'GENERAL_PRACTICE' and d.accepting_new_patients = true order by (d.capacity_confirmed_on >= current_date - 90) desc, d.search_name asc, d.doctor_id asc limit 20 offset 0) page \gset
select d.id, d.rpps, d.last_name, d.first_name, d.profession, d.specialty, d.phone, d.teleconsultation, d.languages, d.accepting_new_patients, d.remaining_places, d.capacity_confirmed_on, d.charter_status, d.charter_signed_on, d.charter_status_since, d.charter_reason, d.version, l.address, l.postal_code, l.commune_code, l.departement_code, l.epci_siren, l.region_code, exists (select 1 from priority_zone_commune pzc join priority_zone pz on pz.zone_id = pzc.zone_id where pzc.commune_code = l.commune_code and pz.status <> 'RETIRED') as in_zone, (select string_agg(distinct ca.plan, ',' order by ca.plan) from crisis_departement cd join crisis_activation ca on ca.activation_id = cd.activation_id where cd.departement_code = l.departement_code) as crises from referenced_doctor d left join practice_location l on l.doctor_id = d.id where d.id = any (:ids::uuid[]) order by d.id, l.position;
SQL
pgbench -n -M prepared -f "$WORK/search.sql" -c 32 -j 2 -T 5 > /dev/null 2>&1
(cd "$WORK" && pgbench -n -M prepared -f search.sql -c 32 -j 2 -T "$SECONDS_PER_RUN" --log --log-prefix=pgbench > pgbench.txt 2>&1)
cat "$WORK"/pgbench.*[0-9] | awk '{print $3 / 1000}' | sort -n > "$WORK/latencies.txt"
pct() { awk -v p="$1" '{v[NR] = $1} END {i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; printf "%.2f", v[i]}' "$WORK/latencies.txt"; }
report "same SQL by pgbench, 32 clients, ${SECONDS_PER_RUN}s: transactions $(wc -l < "$WORK/latencies.txt"), $(awk '/^tps/ {printf "%d tps", $3}' "$WORK/pgbench.txt"), p50 $(pct 50) ms, p90 $(pct 90) ms, p99 $(pct 99) ms, max $(tail -1 "$WORK/latencies.txt") ms"

# 6. Capacity-safe assignment under contention.
report "$(java bench/referral/Assignments.java "http://127.0.0.1:$SERVICE_PORT" "$TOKEN_CNMSS" 50 500)"
grep -h "import of\|statistics refreshed" "$WORK/service.log" | sed 's/^.*INFO/service log:/' | tee -a "$OUT"
