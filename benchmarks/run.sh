#!/usr/bin/env bash
# Builds the benchmarks module and runs every benchmark, printing a Markdown report.
# Usage: benchmarks/run.sh [--quick] [--streams 10000] [--out report.md] [--help]
# JVM options for the measuring JVM can be added with BENCH_JAVA_OPTS (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
# 10,000 concurrent streams need about 10,100 file descriptors in the client and the server JVM
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 16384 ]; then
	ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
	echo "note: ulimit -n is $(ulimit -n); use --streams to stay below it" >&2
fi
./mvnw -B -q -pl benchmarks -am package -DskipTests
exec java -Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-} \
	-cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
	io.github.glmspringai.benchmarks.BenchmarkMain "$@"
