#!/usr/bin/env bash
# bench/run.sh linear|overhead|live|generate [options]: builds the CLI and the bench module, then runs one benchmark.
#   bench/run.sh linear     the whole upgrade command in a fresh JVM at 0, 1,600 and 16,000 cube descs (median of 3)
#   bench/run.sh overhead   pipeline vs identity copy at 100k resources in one warm JVM (medians of 3)
#   bench/run.sh live [--measures independence,copy,sequential,swap,heap,rollback] [--rows N] [--metadata N] ...
#                           the live upgrade against the bench's own local HBase (bench/target/work/live-hbase):
#                           cost independence, ÷ a full copy alone (copy), Kylin's sequential way, swap window, heap,
#                           and the rollback from an upgrade's backup snapshot at --rows ÷ at --rollback-rows rows;
#                           sizes in --help. --metadata sets the big table's cube-metadata share, e.g.
#                           bench/run.sh live --measures copy,rollback --metadata 5000 --repeats 3
#   bench/run.sh generate --to DIR [--descs N] [--resources TOTAL] [--segments N]   only writes a synthetic v1 folder
# Options: bench/run.sh --help. Inputs are generated once and kept in bench/target/work.
# The live benchmark's HBase archives the WALs and files of every copied and dropped 2.7 GB table; its cleaners delete
# them a minute or two later, so give it 40 GB of free disk for a full run (delete bench/target/work/live-hbase
# afterwards to get all of it back: the backup snapshots of the upgrades it ran keep their files).
# BENCH_SKIP_BUILD=1 reuses the last build; BENCH_JAVA_OPTS is the bench JVM's heap (default -Xmx4g);
# BENCH_HBASE_HEAP the heap of the local HBase the live benchmark starts (default 3g).
#
# The build is copied into bench/target/dist, laid out as a distribution (scripts/, conf/, lib/), and both the
# timed command (dist/scripts/kylin-upgrade) and the bench JVM run from there, so that a rebuild of the tree
# during a long run does not change what is measured.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$home/bench/target/dist"
cd "$home"

source "$home/bench/dist.sh" bench/run.sh

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the bench's local HBase (live) holds a 2.7 GB table and takes bulk puts of it: 1 GB of heap ran out
exec "$java_cmd" ${BENCH_JAVA_OPTS:--Xmx4g} -Dkylin.upgrade.local-hbase.heap="${BENCH_HBASE_HEAP:-3g}" \
  @"$dist/conf/jdk17.options" \
  -Dlog4j2.configurationFile="$dist/conf/log4j2.properties" \
  -cp "$dist/lib/*" org.kylinupgrade.bench.UpgradeBench "$@" --home "$home" --cli "$dist/scripts/kylin-upgrade"
