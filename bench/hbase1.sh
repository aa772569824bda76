#!/usr/bin/env bash
# bench/hbase1.sh [DESCS] [JOBS]: on a real standalone HBase 1.7.2 (one JVM: master, region server, ZooKeeper on
# 127.0.0.1:21870, data under bench/target/work/hbase1), a table kylin_metadata holding a synthetic v1 folder of DESCS
# cube descs (default 1,600) and JOBS cubing job records under /execute (default 200,000), kept as a snapshot and
# cloned before every measured run. Prints one table row per measure:
#   kylin    Kylin 1.5.4.1's procedure, whole commands, each its own JVM: metastore.sh backup (ResourceTool download),
#            CubeMetadataUpgradeEntry_v_1_5_1 on the folder, metastore.sh reset, metastore.sh restore (upload)
#   ours1    scripts/kylin-upgrade upgrade --to 1.5 --metadata-url kylin_metadata@hbase --hbase-site SITE: the launcher
#            asks the cluster its version and submits the HBase 1 build through SPARK_HOME's spark-submit
#   ours2    the same command on the bench's HBase 2.6.1 (LocalHBase, started by `kylin-upgrade local-hbase`),
#            same folder loaded with our load command
# BENCH_STEPS (default kylin,ours1,ours2) picks the measures; BENCH_SKIP_BUILD=1 reuses the last build; the HBase
# started here is stopped at the end unless BENCH_KEEP_HBASE=1 (a running one is reused and left running).
# Figures are appended to bench/target/work/hbase1/results-DESCS-JOBS.txt; the rows use the latest of each.
# Disk: about 7 GB for 1,600 descs and 200,000 job records (the folder, Kylin's backup and its upgraded copy, HBase).
# See bench/hbase1/KylinMetastore.java for why Kylin's table store is not Kylin's own HBaseResourceStore.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
descs="${1:-1600}"
jobs="${2:-200000}"
steps="${BENCH_STEPS:-kylin,ours1,ours2}"
work="$home/bench/target/work/hbase1"
port=21870
version=0.1.0-SNAPSHOT
mkdir -p "$work"
log() { echo "$(date +%H:%M:%S) $*" >&2; }

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -o package -DskipTests -pl kylin-clients/kylin-1.5.4.1,job,job-hbase1,launcher,bench -am > "$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
fi
# class paths: HBase 1.7.2 (master and client), and Kylin 1.5.4.1 with the HBase 1.7.2 client (online once)
for cp in master kylin; do
  if [ ! -s "$work/$cp.cp" ]; then
    mvn -B -q -f "bench/hbase1/$cp/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/$cp.cp" > "$work/$cp-cp.log" 2>&1 \
      || { cat "$work/$cp-cp.log" >&2; exit 1; }
  fi
done
master_cp=$(cat "$work/master.cp")
kylin_cp=$(cat "$work/kylin.cp")

# a Spark installation from the launcher's Spark and Hadoop jars (as the launcher's tests make one), plus the
# commons-lang 2 a Spark 3.5 distribution ships and HBase 1 needs
spark="$work/spark"
if [ ! -x "$spark/bin/spark-submit" ]; then
  mkdir -p "$spark/jars" "$spark/bin"
  tr ':' '\n' < launcher/target/runtime-classpath.txt | grep '\.jar$' | while read -r jar; do
    case "$(basename "$jar")" in
      kylin-upgrade*|hbase-*|picocli*|java-diff-utils*|opentelemetry*|oozie-client*) ;;
      *) ln -sf "$jar" "$spark/jars/$(basename "$jar")" ;;
    esac
  done
  ln -sf "$HOME/.m2/repository/commons-lang/commons-lang/2.6/commons-lang-2.6.jar" "$spark/jars/"
  cat > "$spark/bin/spark-submit" <<'SUBMIT'
#!/usr/bin/env bash
# Spark's bin/spark-submit and bin/spark-class, in short
export SPARK_HOME="$(cd "$(dirname "$0")/.." && pwd)"
export SPARK_SCALA_VERSION=2.12
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
build_command() {
  "$java_cmd" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit "$@"
  printf "%d\0" $?
}
CMD=()
DELIM=$'\n'
STARTED=false
while IFS= read -d "$DELIM" -r ARG; do
  if $STARTED; then CMD+=("$ARG");
  elif [ "$ARG" == $'\0' ] || [ -z "$ARG" ]; then DELIM=''; STARTED=true;
  else echo "$ARG"; fi
done < <(build_command "$@")
LAST=$((${#CMD[@]} - 1))
if [ "${CMD[$LAST]}" != 0 ]; then exit "${CMD[$LAST]}"; fi
exec "${CMD[@]:0:$LAST}"
SUBMIT
  chmod +x "$spark/bin/spark-submit"
fi

# the HBase 1.7.2 standalone master
mkdir -p "$work/master/conf" "$work/master/logs" "$work/client-conf"
cat > "$work/master/conf/hbase-site.xml" <<SITE
<?xml version="1.0"?>
<configuration>
  <property><name>hbase.cluster.distributed</name><value>false</value></property>
  <property><name>hbase.rootdir</name><value>file://$work/master/hbase</value></property>
  <property><name>fs.defaultFS</name><value>file:///</value></property>
  <property><name>hbase.tmp.dir</name><value>$work/master/tmp</value></property>
  <property><name>hbase.zookeeper.quorum</name><value>127.0.0.1</value></property>
  <property><name>hbase.zookeeper.property.clientPort</name><value>$port</value></property>
  <property><name>hbase.zookeeper.property.dataDir</name><value>$work/master/zookeeper</value></property>
  <property><name>hbase.master.port</name><value>0</value></property>
  <property><name>hbase.regionserver.port</name><value>0</value></property>
  <property><name>hbase.master.info.port</name><value>-1</value></property>
  <property><name>hbase.regionserver.info.port</name><value>-1</value></property>
  <property><name>hbase.unsafe.stream.capability.enforce</name><value>false</value></property>
  <property><name>hbase.snapshot.enabled</name><value>true</value></property>
</configuration>
SITE
cat > "$work/master/conf/log4j.properties" <<'LOG'
log4j.rootLogger=INFO,file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${hbase.log.dir}/hbase.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=%d{ISO8601} %-5p [%t] %c{2}: %m%n
LOG
site="$work/client-conf/hbase-site.xml"
cat > "$site" <<SITE
<?xml version="1.0"?>
<configuration>
  <property><name>hbase.zookeeper.quorum</name><value>127.0.0.1</value></property>
  <property><name>hbase.zookeeper.property.clientPort</name><value>$port</value></property>
  <property><name>fs.defaultFS</name><value>file:///</value></property>
</configuration>
SITE
admin() { java @conf/jdk17.options -cp "$work/client-conf:$master_cp" bench/hbase1/HBaseAdminTool.java "$@" 2>/dev/null; }
if [ -f "$work/master/pid" ] && kill -0 "$(cat "$work/master/pid")" 2>/dev/null; then
  log "HBase 1.7.2 already running (pid $(cat "$work/master/pid"))"
else
  java -Xmx2g @conf/jdk17.options -Dhbase.log.dir="$work/master/logs" -cp "$work/master/conf:$master_cp" \
    org.apache.hadoop.hbase.master.HMaster start > "$work/master/logs/hmaster.out" 2>&1 &
  echo $! > "$work/master/pid"
  log "HBase 1.7.2 started (pid $!)"
  if [ "${BENCH_KEEP_HBASE:-}" != "1" ]; then
    # stopped on exit, as it was started here (SIGTERM: HBase's shutdown hook; then SIGKILL after a minute)
    trap 'pid=$(cat "$work/master/pid"); kill "$pid" 2>/dev/null; for i in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done; kill -9 "$pid" 2>/dev/null || true' EXIT
  fi
fi
admin wait 180 >&2

# the folder and the seed snapshot
folder="$work/in-$descs-$jobs"
seed="seed_kylin_metadata_${descs}_${jobs}"
if [ ! -d "$folder" ]; then
  # pass-through resources alternate dictionaries and job records: generate twice JOBS of them, keep the jobs
  java -Xmx2g @conf/jdk17.options -cp "bench/target/kylin-upgrade-bench-$version.jar:$(cat bench/target/runtime-classpath.txt)" \
    org.kylinupgrade.bench.UpgradeBench generate --to "$folder.tmp" --descs "$descs" --resources $((descs * 3 + 4 + 2 * jobs)) \
    --home "$home" --cli scripts/kylin-upgrade >&2
  rm -rf "$folder.tmp/dict"
  mv "$folder.tmp" "$folder"
fi
resources=$(find "$folder" -type f | wc -l)
hbase1_jar="job-hbase1/target/kylin-upgrade-job-$version-hbase1-cluster.jar"
if ! admin snapshots | grep -qx "$seed"; then
  admin reset - kylin_metadata >&2
  log "loading $resources resources into HBase 1.7.2 (our load, HBase 1 build)"
  java -Xmx3g @conf/jdk17.options -Dlog4j2.configurationFile="$home/conf/log4j2.properties" \
    -cp "$hbase1_jar:$spark/jars/*" org.kylinupgrade.jobs.LoadJob --from-folder "$folder" \
    --metadata-url kylin_metadata@hbase --hbase-site "$site" > "$work/load.log" 2>&1 || { tail -20 "$work/load.log" >&2; exit 1; }
  admin snapshot kylin_metadata "$seed" >&2
fi

seconds() { # the wall time of a command, in seconds with millis; output to $work/last.log
  local start end rc=0
  start=$(date +%s%N)
  "$@" > "$work/last.log" 2>&1 || rc=$?
  end=$(date +%s%N)
  if [ "$rc" != 0 ]; then
    echo "bench/hbase1.sh: failed ($rc): $*" >&2; grep -v '^\s*at ' "$work/last.log" | tail -20 >&2; exit 1
  fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) / 1e9 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
load1() { cut -d' ' -f1 /proc/loadavg; }
results="$work/results-$descs-$jobs.txt"

if [[ ",$steps," == *,kylin,* ]]; then
  admin reset "$seed" kylin_metadata >&2
  kconf="$work/kylin-conf"
  mkdir -p "$kconf"
  printf 'kylin.metadata.url=kylin_metadata@hbase\nkylin.hdfs.working.dir=file://%s/kylin-working/\n' "$work" > "$kconf/kylin.properties"
  printf 'log4j.rootLogger=WARN,stderr\nlog4j.appender.stderr=org.apache.log4j.ConsoleAppender\nlog4j.appender.stderr.target=System.err\nlog4j.appender.stderr.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stderr.layout.ConversionPattern=%%d{ISO8601} %%-5p [%%t %%c{1}:%%L]: %%m%%n\n' > "$kconf/log4j.properties"
  kylin_tool() { java @conf/jdk17.options -DKYLIN_CONF="$kconf" -cp "$kconf:$work/client-conf:$kylin_cp" bench/hbase1/KylinMetastore.java "$@"; }
  backup="$work/kylin-backup"
  rm -rf "$backup" "$work/kylin-upgraded"
  mkdir -p "$backup"
  l0=$(load1)
  log "Kylin: metastore.sh backup"
  t_backup=$(seconds kylin_tool download "$backup"); grep -E "^(download|upload|reset): " "$work/last.log" >&2 || true
  log "Kylin: CubeMetadataUpgradeEntry_v_1_5_1 (backup: $t_backup s)"
  client="$home/kylin-clients/kylin-1.5.4.1"
  t_upgrade=$(seconds java -cp "$client/target/classes:$client/target/lib/*" org.kylinupgrade.kylinclient.KylinChild \
    upgrade151 "$backup" "$work/kylin-upgraded"); grep -E '^upgrade' "$work/last.log" >&2
  log "Kylin: metastore.sh reset (upgrade: $t_upgrade s)"
  t_reset=$(seconds kylin_tool reset); grep -E "^(download|upload|reset): " "$work/last.log" >&2 || true
  log "Kylin: metastore.sh restore (reset: $t_reset s)"
  t_restore=$(seconds kylin_tool upload "$work/kylin-upgraded"); grep -E "^(download|upload|reset): " "$work/last.log" >&2 || true
  kylin=$(awk -v a="$t_backup" -v b="$t_upgrade" -v c="$t_reset" -v d="$t_restore" 'BEGIN { printf "%.1f", a + b + c + d }')
  echo "kylin $kylin backup $t_backup upgrade $t_upgrade reset $t_reset restore $t_restore load $l0-$(load1) $(date -u +%FT%TZ)" | tee -a "$results" >&2
fi

if [[ ",$steps," == *,ours1,* ]]; then
  admin reset "$seed" kylin_metadata >&2
  l0=$(load1)
  log "ours on HBase 1.7.2"
  ours1=$(SPARK_HOME="$spark" seconds scripts/kylin-upgrade upgrade --to 1.5 --metadata-url kylin_metadata@hbase --hbase-site "$site")
  grep -E '^upgrade: running|^upgraded table' "$work/last.log" >&2
  cp "$work/last.log" "$work/ours1.log"
  echo "ours1 $ours1 load $l0-$(load1) $(date -u +%FT%TZ)" | tee -a "$results" >&2
fi

if [[ ",$steps," == *,ours2,* ]]; then
  # the bench's HBase 2.6.1 (LocalHBase), its own folder, loaded fresh with our load command (HBase 2 build)
  h2="$work/hbase2"
  scripts/kylin-upgrade local-hbase start --dir "$h2" --port 21880 >&2
  site2="$h2/hbase-site.xml"
  [ -f "$site2" ] || site2=$(ls "$h2"/*site*.xml | head -1)
  scripts/kylin-upgrade load --from-folder "$folder" --metadata-url kylin_metadata@hbase --hbase-site "$site2" --replace \
    > "$work/load2.log" 2>&1 || { tail -20 "$work/load2.log" >&2; exit 1; }
  l0=$(load1)
  log "ours on HBase 2.6.1"
  ours2=$(seconds scripts/kylin-upgrade upgrade --to 1.5 --metadata-url kylin_metadata@hbase --hbase-site "$site2")
  grep -E '^upgraded table' "$work/last.log" >&2
  cp "$work/last.log" "$work/ours2.log"
  echo "ours2 $ours2 load $l0-$(load1) $(date -u +%FT%TZ)" | tee -a "$results" >&2
  scripts/kylin-upgrade local-hbase stop --dir "$h2" >&2 || true
fi

# rows from the latest figures of each measure
get() { { grep "^$1 " "$results" 2>/dev/null || true; } | tail -1 | cut -d" " -f2; }
k=$(get kylin); o1=$(get ours1); o2=$(get ours2)
printf '| measure | baseline | ours | ratio |\n|---|---|---|---|\n'
[ -n "$k" ] && [ -n "$o1" ] && printf '| Kylin 1.5.4.1 procedure / ours --to 1.5 live, HBase 1.7.2, %s descs, %s job records | %s s | %s s | %s |\n' \
  "$descs" "$jobs" "$k" "$o1" "$(ratio "$k" "$o1")"
[ -n "$o1" ] && [ -n "$o2" ] && printf '| ours on HBase 1.7.2 / ours on HBase 2.6.1, %s descs, %s job records | %s s | %s s | %s |\n' \
  "$descs" "$jobs" "$o1" "$o2" "$(ratio "$o1" "$o2")"
exit 0
