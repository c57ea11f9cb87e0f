#!/usr/bin/env bash
# The local run: builds what it needs, then starts PostgreSQL, Kafka, a dev token issuer and the
# four services (gateway on 8080). Needs only a JDK 17+. Ctrl-C stops everything.
# ./run.sh --replicas 2 starts two instances of each service behind the gateway (ports +100).
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p devstack/target
# Held by this process (and the java it becomes) for the whole run: a second run stops here,
# before rebuilding the jars the first one is running from.
exec 9>devstack/target/run.lock
if ! flock -n 9; then
  echo "CivMil Health is already running from $PWD (gateway http://localhost:8080)." >&2
  echo "Stop it with Ctrl-C in its terminal first." >&2
  exit 2
fi

if [ "${CIVMIL_SKIP_BUILD:-}" != "true" ]; then
  echo "[civmil] Building (first run downloads dependencies; later runs take seconds)..."
  ./mvnw -B -q -DskipTests install
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx768m -cp "devstack/target/classes:devstack/target/lib/*" fr.civmil.health.devstack.DevStack "$PWD" "$@"
