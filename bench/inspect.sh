#!/usr/bin/env bash
# JMH benchmarks of DetectionInspector alone (parse + detectors): InspectBenchmark on a synthetic
# ~5 KB and ~50 KB reply, RealMailBenchmark on every message of ../shared/corpus/enron-dev in turn
# (rules alone and with the learned reader). Short run: 2 forks x 3 iterations.
# Prints messages per second per thread (= per core). Usage: bench/inspect.sh [JMH benchmark regex]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
mvn -q test-compile -Dmaven.test.skip.exec=true >&2
CP="target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
java -cp "$CP" org.openjdk.jmh.Main "${1:-Benchmark}" -f 2 -i 3 -r 2s -wi 2 -w 1s -t 1 -rf text -rff target/jmh.txt "${@:2}" >&2
echo "DetectionInspector throughput (messages/s, one thread):"
grep -E "InspectBenchmark" target/jmh.txt | awk '{printf "  synthetic %s KB: %s ± %s msgs/s\n", $2, $5, $7}' || true
grep -E "RealMailBenchmark" target/jmh.txt | awk '{printf "  real mail (enron-dev), reader %s: %s ± %s msgs/s\n", $2, $5, $7}' || true
