# Sourced by the bench scripts: builds the launcher and the bench and lays the build out as a distribution in
# $dist (scripts/, conf/, lib/), so that a rebuild of the tree during a long run does not change what is measured.
# BENCH_SKIP_BUILD=1 reuses the last build. Needs $home and $dist; $1 names the calling script in messages.
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  build=(mvn -B -q package -DskipTests -pl launcher,bench -am)
  mkdir -p bench/target
  # offline first; online only when a plugin is missing
  if ! "${build[@]}" -o > bench/target/build.log 2>&1 && ! "${build[@]}" > bench/target/build.log 2>&1; then
    cat bench/target/build.log >&2
    exit 1
  fi

  rm -rf "$dist"
  mkdir -p "$dist/scripts" "$dist/lib"
  cp scripts/kylin-upgrade "$dist/scripts/"
  cp -r conf "$dist/conf"
  ls job/target/kylin-upgrade-job-*.jar launcher/target/kylin-upgrade-launcher-*.jar bench/target/kylin-upgrade-bench-*.jar \
    | grep -v -- '-tests\.jar$' | xargs -I{} cp {} "$dist/lib/"
  # third-party jars from the local Maven repository: linked, they do not change under a rebuild
  tr ':' '\n' < launcher/target/runtime-classpath.txt > "$dist/classpath.list"
  tr ':' '\n' < bench/target/runtime-classpath.txt >> "$dist/classpath.list"
  sort -u "$dist/classpath.list" | grep -v '/target/' | while read -r jar; do
    ln -sf "$jar" "$dist/lib/$(basename "$jar")"
  done
fi
[ -d "$dist/lib" ] || { echo "$1: not built yet; run it without BENCH_SKIP_BUILD" >&2; exit 2; }
