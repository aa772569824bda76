#!/usr/bin/env bash
# bench/fixed-cost.sh fixed|convert [options]: the fixed-cost and conversion-stage benchmarks.
#   bench/fixed-cost.sh fixed [--repeats 5] [--descs 1600] [--skip-1600]
#       floor (fresh JVM, local[*], count of an empty RDD) vs the whole upgrade command on an empty folder (t0) and on
#       1,600 cube descs (both targets), and two floors with a class-data archive of their own: the same empty count,
#       and Spark's start followed by the 1,600 descs' read, rules and write on plain threads; fresh JVMs,
#       interleaved, medians
#   bench/fixed-cost.sh convert [--master local[2]] [--descs 16000] [--resources 200000] [--rounds 5] [--warmups 1] [--to 1.5] [--threads 2] [--thread-cpu true]
#       the pipeline's conversion step on a local Spark context vs the same rules in one plain thread and split over
#       --threads plain threads, and vs the floor under any Spark run of the rules (one stage over cached whole
#       groups), warm JVM
# Builds like bench/run.sh (same distribution layout in bench/target/dist); BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$home/bench/target/dist"
cd "$home"

source "$home/bench/dist.sh" bench/fixed-cost.sh

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
what="${1:-}"
shift || true
case "$what" in
  fixed) main=org.kylinupgrade.bench.FixedCostBench; extra=(--home "$home" --cli "$dist/scripts/kylin-upgrade" --dist "$dist") ;;
  convert) main=org.kylinupgrade.bench.ConvertBench; extra=(--home "$home") ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
exec "$java_cmd" ${BENCH_JAVA_OPTS:--Xmx6g} @"$dist/conf/jdk17.options" \
  -Dlog4j2.configurationFile="$dist/conf/log4j2.properties" \
  -cp "$dist/lib/*" "$main" "${extra[@]}" "$@"
