package org.kylinupgrade.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.kylinupgrade.CoprocessorTestJars;
import org.kylinupgrade.CubeTableFixture;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.LocalHBase;
import org.kylinupgrade.jobs.CoprocessorJob;
import org.kylinupgrade.jobs.JobCommandLine;
import org.kylinupgrade.metadata.MetadataUrl;

/**
 * The coprocessor benchmark (run once, not a test): N cube tables carrying Kylin 1.3's coprocessors on a real
 * standalone HBase, then v2 deployed by Kylin's sequential procedure and by the coprocessor command at its
 * default parallelism, each followed by a re-run on the deployed tables. Prints the BENCHMARKS.md rows.
 *
 * <p>{@code java <jdk17 flags> -cp <job test classpath> org.kylinupgrade.bench.CoprocessorBenchmark [TABLES [ZK_PORT]]}
 */
public final class CoprocessorBenchmark {
  private static final String META = "bench_meta";

  private CoprocessorBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 24181;
    Path dir = Files.createTempDirectory("coprocessor-bench");
    LocalHBase local = new LocalHBase(dir.toFile());
    local.start(port);
    Thread stop = new Thread(() -> {
      try {
        local.stop();
      } catch (Exception e) {
        System.err.println("cannot stop the local HBase in " + dir + ": " + e);
      }
    });
    Runtime.getRuntime().addShutdownHook(stop);
    run(n, local, dir);
  }

  private static void run(int n, LocalHBase local, Path dir) throws Exception {
    Configuration conf = HBaseCluster.configuration(local.clientSite().toString(), null);
    MetadataUrl url = MetadataUrl.parse(META + "@hbase");
    File jar = CoprocessorTestJars.standIn(dir.resolve("local"), "kylin-coprocessor-standin.jar").toFile();
    // where Kylin 1.3 left its jar: other bytes than the jar deployed now
    Map<String, String> v1Sources = CoprocessorTestJars.standInSources();
    v1Sources.put("kylin13.Marker", "package kylin13; class Marker {}");
    Path legacy = CoprocessorTestJars.build(Files.createDirectories(dir.resolve("working/legacy")), "kylin-coprocessor-1.3.0.jar", v1Sources);
    String[] cli = {"--hbase-site", local.clientSite().toString(), "--metadata-url", url.toString()};

    try (HBaseCluster hbase = HBaseCluster.connect(conf, null)) {
      CubeTableFixture fixture = new CubeTableFixture(hbase);
      Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String table = String.format("KYLIN_BENCH_%04d", i);
        fixture.cube("bench_cube_" + i, "READY:" + table);
        tables.put(table, Target.KYLIN_1_3.entries(legacy.toUri().toString()));
      }
      fixture.project("bench").load(META);
      long t0 = System.nanoTime();
      fixture.createTables(tables);
      System.out.printf("created %d tables with v1 coprocessors in %.1f s%n", n, seconds(t0));

      double kylin = time("Kylin sequential, v1 -> v2", () -> KylinSequentialDeploy.run(hbase, url, jar, Target.KYLIN_1_4_ALPHA));
      double kylinAgain = time("Kylin sequential re-run", () -> KylinSequentialDeploy.run(hbase, url, jar, Target.KYLIN_1_4_ALPHA));
      // the measured move is 1.3 -> 1.4-alpha, as recorded; the job's default (1.5) sets one class fewer
      time("(untimed: back to v1)", () -> job(cli, "--all", "--jar", legacy.toString(), "--target", "1.3"));
      double ours = time("coprocessor --all, v1 -> v2", () -> job(cli, "--all", "--jar", jar.toString(), "--target", "1.4-alpha"));
      double oursAgain = time("coprocessor --all re-run", () -> job(cli, "--all", "--jar", jar.toString(), "--target", "1.4-alpha"));

      String command = "`CoprocessorBenchmark " + n + "` (job test classes; standalone HBase, "
          + Runtime.getRuntime().availableProcessors() + " cores)";
      System.out.println();
      System.out.println("| measure | baseline | ours | ratio | command |");
      System.out.println("|---|---|---|---|---|");
      row("coprocessor v1 → v2 on " + n + " cube tables (Kylin's one-at-a-time procedure vs the job at the default --parallelism "
          + jobDefaultParallelism() + ")", kylin, ours, command);
      row("coprocessor re-run on the " + n + " already deployed tables (Kylin redoes every table; the job skips them)",
          kylinAgain, oursAgain, command);
    }
  }

  private static int jobDefaultParallelism() {
    return Integer.parseInt(new picocli.CommandLine(new CoprocessorJob()).getCommandSpec()
        .findOption("--parallelism").defaultValue());
  }

  private static int job(String[] cli, String... args) {
    String[] all = new String[cli.length + args.length];
    System.arraycopy(cli, 0, all, 0, cli.length);
    System.arraycopy(args, 0, all, cli.length, args.length);
    int exit = JobCommandLine.execute(new CoprocessorJob(), all);
    if (exit != 0) {
      throw new IllegalStateException("coprocessor exited " + exit);
    }
    return exit;
  }

  private static double time(String what, Callable<?> step) throws Exception {
    long start = System.nanoTime();
    step.call();
    double s = seconds(start);
    System.out.printf("%s: %.1f s%n", what, s);
    return s;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void row(String measure, double baseline, double ours, String command) {
    System.out.printf("| %s | %.1f s | %.1f s | %.1f× faster | %s |%n", measure, baseline, ours, baseline / ours, command);
  }
}
