#!/usr/bin/env bash
# bench/kylin15.sh [DESCS]: Kylin 1.5.4.1's own upgrade (CubeMetadataUpgradeEntry_v_1_5_1, from the Maven Central
# jars, in its own JVM) against our offline upgrade, whole commands, on the same synthetic v1 folder of DESCS cube
# descs (default 1,600), in the same session: Kylin's once, ours (after a warm-up run) three times per target, the
# median. Prints one table row per measure.
# Kylin 1.4-alpha's upgrader is not on Maven Central: its measured time is quoted in BENCHMARKS.md as an external
# reference, not re-run here.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
descs="${1:-1600}"
work="$home/bench/target/work/kylin15-$descs"
mkdir -p "$work"

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q -o install -DskipTests > "$work/build.log" 2>&1 || mvn -B -q install -DskipTests > "$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
fi
if [ ! -d "$work/in" ]; then
  BENCH_SKIP_BUILD="${BENCH_SKIP_BUILD:-}" bench/run.sh generate --to "$work/in" --descs "$descs" > "$work/generate.log"
fi

seconds() { # the wall time of a command, in seconds with millis
  local start end
  start=$(date +%s%N)
  local rc=0
  "$@" > "$work/last.log" 2>&1 || rc=$?
  # 4: finished, with descs left untouched and listed (the synthetic folder may hold some the target cannot load)
  if [ "$rc" != 0 ] && [ "$rc" != 4 ]; then
    echo "bench/kylin15.sh: failed ($rc): $*" >&2; tail -20 "$work/last.log" >&2; exit 1
  fi
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}

client="$home/kylin-clients/kylin-1.5.4.1"
rm -rf "$work/kylin-out" "$work"/ours-*
kylin=$(seconds java -cp "$client/target/classes:$client/target/lib/*" org.kylinupgrade.kylinclient.KylinChild \
  upgrade151 "$work/in" "$work/kylin-out")
grep -E '^upgrade' "$work/last.log" | head -1 | sed 's/^/kylin: /'
ours() { # one run of our whole command into a new folder, ours-NAME; all are deleted at the end (here, a write into a
  # folder deleted just before took up to a second longer)
  seconds scripts/kylin-upgrade upgrade --from-folder "$work/in" --to-folder "$work/ours-$1" --to "$2" --keep-unloadable
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# a first run lists the classes for the start script's class-data sharing archive; it is made in the background
ours warm-up 1.5 > /dev/null
for _ in $(seq 60); do compgen -G "${KYLIN_UPGRADE_CDS_DIR:-$HOME/.cache/kylin-upgrade}/*.lock" > /dev/null || break; sleep 1; done
runs15=() runs14=()
for i in 1 2 3; do
  runs15+=("$(ours "15-$i" 1.5)")
  runs14+=("$(ours "14-$i" 1.4-alpha)")
done
rm -rf "$work"/ours-*
echo "ours --to 1.5: ${runs15[*]} s; --to 1.4-alpha: ${runs14[*]} s"
ours15=$(median "${runs15[@]}")
ours14=$(median "${runs14[@]}")

printf '| measure | baseline | ours | ratio |\n|---|---|---|---|\n'
printf '| Kylin 1.5.4.1 upgrade entry / ours --to 1.5, %s descs | %s s | %s s | %.1f |\n' "$descs" "$kylin" "$ours15" \
  "$(awk -v a="$kylin" -v b="$ours15" 'BEGIN { print a / b }')"
if [ "$descs" = 1600 ]; then
  printf '| Kylin 1.4-alpha (352 s, measured before; not on Maven Central) / ours --to 1.4-alpha, 1600 descs | 352 s | %s s | %.1f |\n' \
    "$ours14" "$(awk -v b="$ours14" 'BEGIN { print 352 / b }')"
fi
