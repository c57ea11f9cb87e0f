#!/usr/bin/env bash
# The chaos suite on real processes of the local run (free ports): a steady stream of writes across the three
# services through the gateway while each fault is injected in turn; every effect read back from the APIs.
# Usage (after ./mvnw -B -DskipTests install): bench/chaos/run.sh [replicas, default 2] [broker-down seconds, default 30]
#   [only the faults whose name contains this text, e.g. PostgreSQL]
# The table is printed and written to bench/chaos/target/chaos.md; exit 1 if any effect was lost or duplicated.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp "devstack/target/classes:devstack/target/lib/*" fr.civmil.health.devstack.chaos.ChaosSuite "${1:-2}" "${2:-30}" "${3:-}"
