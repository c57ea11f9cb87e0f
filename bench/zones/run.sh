#!/usr/bin/env bash
# zones-service latency: a zone's 12-month coverage, the regional coverage ranking and a reference lookup,
# with 151 Occitanie zones and 20,000 missions loaded in the embedded PostgreSQL, called over HTTP with a
# real JWT (sequential requests after a warm-up). The benchmark is the JUnit class
# zones-service/src/test/java/fr/civmil/health/zones/bench/CoverageBenchmark.java (tag "bench", left out
# of the ordinary test command). Needs a prior `./mvnw -B -DskipTests install`.
# Usage: bench/zones/run.sh   (result in bench/zones/results.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -pl zones-service test -Dtest=CoverageBenchmark -Dzones.excluded-groups=none -Dsurefire.failIfNoSpecifiedTests=false
cp zones-service/target/zones-bench.txt bench/zones/results.txt
cat bench/zones/results.txt
