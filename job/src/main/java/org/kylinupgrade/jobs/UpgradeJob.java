package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.Scope;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.UpgradeReport;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.UpgradeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;

/**
 * The v1 → v2 upgrade. Offline form: a metadata folder in, an upgraded folder out, written only when the
 * whole conversion succeeded (and, without --keep-unloadable, when v2 can load every cube desc).
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Upgrade Kylin v1.x metadata to v2.0 with Kylin 1.4-alpha's rules (cube descs and models are rewritten).",
        "Live (default): the metadata table is snapshotted, converted into a staging table, verified and swapped in "
            + "atomically; resume / rollback finish or undo a run that stopped.",
        "Offline: --from-folder IN --to-folder OUT (local paths or Hadoop FS URIs; OUT must not exist or be empty)."})
public final class UpgradeJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "IN", description = "a v1 metadata folder")
  String fromFolder;

  @Option(names = "--to-folder", paramLabel = "OUT", description = "where the upgraded folder goes; must not exist or be empty")
  String toFolder;

  @Option(names = "--models", split = ",", paramLabel = "A,B", description = "only the cube descs of these models")
  List<String> models = List.of();

  @Option(names = "--cubes", split = ",", paramLabel = "A,B", description = "only the cube descs these cubes use")
  List<String> cubes = List.of();

  @Option(names = "--projects", split = ",", paramLabel = "A,B", description = "only the cube descs of these projects' cubes")
  List<String> projects = List.of();

  @Option(names = "--purge-cubes", split = ",", paramLabel = "A,B",
      description = "purge these cubes first, as Kylin's purge does (segments removed, status DISABLED, unfinished "
          + "build jobs discarded), so that their descs move to engine/storage 2 when no other cube using them has "
          + "segments; the segment HTables are listed, never dropped")
  List<String> purgeCubes = List.of();

  @Option(names = "--dry-run", description = "write nothing; print what would change, with a diff")
  boolean dryRun;

  @Option(names = "--keep-unloadable",
      description = "leave cube descs Kylin v2.0 cannot load untouched and report them (exit 4); without it the run stops before writing (exit 2)")
  boolean keepUnloadable;

  public static void main(String[] args) {
    JobCommandLine.main(new UpgradeJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (fromFolder == null) {
      if (toFolder != null) {
        throw new BadInputException("--to-folder goes with --from-folder (the offline upgrade)");
      }
      return live();
    }
    if (toFolder == null && !dryRun) {
      throw new BadInputException("--to-folder OUT is required with --from-folder (or pass --dry-run)");
    }
    Configuration conf = new Configuration();
    MetadataFolders.requireMetadataFolder(fromFolder, conf, "--from-folder");
    if (!dryRun) {
      checkTarget(conf);
    }
    long runTimestamp = System.currentTimeMillis();
    UpgradeReport report = new UpgradeReport("upgrade", fromFolder, toFolder, runTimestamp, dryRun);
    try (SparkContexts spark = SparkContexts.open("kylin-upgrade upgrade", cluster.master())) {
      JavaSparkContext sc = spark.context();
      JavaRDD<Resource> resources = SparkFolders.read(sc, fromFolder, conf).cache();
      UpgradeOptions options = UpgradeOptions.of(runTimestamp)
          .withDescsInScope(Scope.descsInScope(resources, models, cubes, projects))
          .withPurgeCubes(purgeCubeSet(purgeCubes));
      UpgradePipeline.Conversion conversion = UpgradePipeline.convert(sc, resources, options);
      Map<String, Long> counts = UpgradePipeline.countByType(resources);
      report.counts(counts).conversion(conversion.changes, conversion.unloadable, conversion.warnings)
          .purge(conversion.purge);
      printFindings(conversion);

      if (!conversion.unloadable.isEmpty() && !keepUnloadable) {
        System.out.println("stopped before writing: Kylin v2.0 cannot load the resources above; fix them, or pass "
            + "--keep-unloadable to leave them untouched as Kylin's own upgrader does");
        report.outcome("refused: unloadable", ExitCodes.BAD_INPUT).writeTo(cluster.reportFile());
        return ExitCodes.BAD_INPUT;
      }
      int exit = conversion.unloadable.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      if (dryRun) {
        printDiffs(conversion, resources);
        System.out.printf("dry run: %d of %d resources would change; nothing written%n",
            conversion.changes.size(), resources.count());
        report.outcome("dry run", exit).writeTo(cluster.reportFile());
        return exit;
      }
      long written = write(conversion.output, conf);
      System.out.printf("upgraded %s into %s: %d resources written, %d rewritten%s%n", fromFolder, toFolder, written,
          conversion.changes.size(), conversion.changes.isEmpty() ? " (already v2: nothing to change)" : "");
      report.outcome(exit == ExitCodes.OK ? "done" : "done with unloadable resources kept", exit)
          .writeTo(cluster.reportFile());
      conversion.release();
      return exit;
    }
  }

  private int live() throws IOException {
    LiveUpgrade.Request request = new LiveUpgrade.Request();
    request.models = models;
    request.cubes = cubes;
    request.projects = projects;
    request.purgeCubes = purgeCubes;
    request.keepUnloadable = keepUnloadable;
    request.dryRun = dryRun;
    request.reportFile = cluster.reportFile();
    try (HBaseCluster hbase = cluster.connect();
        SparkContexts spark = SparkContexts.open("kylin-upgrade upgrade", cluster.master())) {
      return new LiveUpgrade(hbase, spark.context(), cluster.metadataUrl(), request).run();
    }
  }

  private void checkTarget(Configuration conf) throws IOException {
    try (FolderStore out = new FolderStore(toFolder, conf)) {
      if (out.exists() && !out.isEmpty()) {
        throw new BadInputException("--to-folder " + toFolder + " is not empty; name a new or empty folder");
      }
    }
  }

  private long write(JavaRDD<Resource> output, Configuration conf) throws IOException {
    try (FolderStore out = new FolderStore(toFolder, conf)) {
      boolean created = !out.exists();
      out.createEmpty();
      boolean done = false;
      try {
        long n = SparkFolders.write(output, toFolder, conf);
        done = true;
        return n;
      } finally {
        if (!done) {
          if (created) {
            out.delete();
          } else {
            out.clear();
          }
        }
      }
    }
  }

  static java.util.Set<String> purgeCubeSet(List<String> names) {
    java.util.Set<String> set = new java.util.LinkedHashSet<>();
    for (String name : names) {
      if (!name.isBlank()) {
        set.add(name.trim());
      }
    }
    return set;
  }

  static void printFindings(UpgradePipeline.Conversion conversion) {
    for (Change c : conversion.changes) {
      System.out.println("  " + c.path() + ": " + String.join("; ", c.reasons()));
      if (!c.droppedProperties().isEmpty()) {
        System.out.println("      drops properties v2 does not know: " + String.join(", ", c.droppedProperties()));
      }
    }
    for (Problem p : conversion.unloadable) {
      System.out.println("  unloadable by Kylin v2.0: " + p.path() + ": " + p.reason());
    }
    for (Problem p : conversion.warnings) {
      System.out.println("  warning: " + p.path() + ": " + p.reason());
    }
    printPurge(conversion.purge);
  }

  private static void printPurge(org.kylinupgrade.pipeline.PurgeOutcome purge) {
    for (org.kylinupgrade.rules.PurgedCube cube : purge.cubes()) {
      boolean already = cube.segmentsRemoved() == 0 && "DISABLED".equals(cube.previousStatus());
      System.out.println("  purged cube " + cube.name() + ": " + (already ? "already empty and DISABLED"
          : cube.segmentsRemoved() + " segment(s) removed, status " + cube.previousStatus() + " -> DISABLED"));
    }
    for (org.kylinupgrade.rules.DiscardedJob job : purge.discardedJobs()) {
      System.out.println("  discarded job " + job.id() + " of cube " + job.cubeName() + " (was " + job.previousStatus()
          + (job.discardedSteps().isEmpty() ? "" : ", with steps " + String.join(", ", job.discardedSteps())) + ")");
    }
    if (!purge.unusedTables().isEmpty()) {
      System.out.println("  segment HTables no cube uses any more (not dropped; a rollback needs them): "
          + String.join(", ", purge.unusedTables()));
    }
  }

  private static void printDiffs(UpgradePipeline.Conversion conversion, JavaRDD<Resource> resources) {
    List<Tuple2<Resource, Resource>> pairs = resources.keyBy(Resource::path)
        .join(conversion.rewritten.keyBy(Resource::path)).values().collect();
    pairs.stream().sorted(java.util.Comparator.comparing(t -> t._1().path()))
        .forEach(t -> System.out.println(UpgradeReport.diff(t._1().path(), t._1().text(), t._2().text())));
  }
}
